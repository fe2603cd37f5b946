// "Sign in with Pollinations" for the demo: start the BYOP flow, finish it
// on the redirect back, and keep the user's key in sessionStorage only.
import { ready, lib } from "./carviews.js";

const FLOW = "carviews.byop.flow";
const KEY = "carviews.pollinations.key";

export function storedKey() {
  try {
    const k = JSON.parse(sessionStorage.getItem(KEY) ?? "null");
    if (k && k.accessToken && (!k.expiresAt || k.expiresAt > Date.now())) return k;
  } catch {
    /* a damaged entry is no key */
  }
  return null;
}

export function storeKey(accessToken, expiresAt = null) {
  if (accessToken) sessionStorage.setItem(KEY, JSON.stringify({ accessToken, expiresAt }));
  else sessionStorage.removeItem(KEY);
}

// This page, without the code and state of a redirect: the same URI for the
// authorization request and the token exchange, keeping the page's own query.
function redirectUri() {
  const url = new URL(location.href);
  url.searchParams.delete("code");
  url.searchParams.delete("state");
  url.hash = "";
  return url.toString();
}

export async function signIn({ clientId, authUrl }) {
  await ready;
  const { url, state, verifier } = lib.pollinationsAuthorizeUrl({ clientId, redirectUri: redirectUri(), authUrl });
  sessionStorage.setItem(FLOW, JSON.stringify({ state, verifier, clientId, authUrl }));
  location.assign(url);
}

/** On load: finishes a sign-in the authorization server redirected back from. */
export async function finishSignIn() {
  const params = new URLSearchParams(location.search);
  const code = params.get("code");
  const flow = JSON.parse(sessionStorage.getItem(FLOW) ?? "null");
  if (!code || !flow) return null;
  sessionStorage.removeItem(FLOW);
  const back = redirectUri();
  history.replaceState(null, "", back);
  await ready;
  const token = await lib.pollinationsExchangeCode({
    code,
    state: params.get("state") ?? "",
    expectedState: flow.state,
    verifier: flow.verifier,
    clientId: flow.clientId,
    redirectUri: back,
    authUrl: flow.authUrl,
  });
  storeKey(token.accessToken, token.expiresAt);
  return token;
}
