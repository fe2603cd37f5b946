// "Sign in with Pollinations" for the demo: start the BYOP flow, finish it
// on the redirect back, and keep the user's key in sessionStorage only.
import { ready, lib } from "./carviews";

interface StoredKey {
  accessToken: string;
  expiresAt: number | null;
}

interface Flow {
  state: string;
  verifier: string;
  clientId: string;
  authUrl?: string;
}

const FLOW = "carviews.byop.flow";
const KEY = "carviews.pollinations.key";

export function storedKey(): StoredKey | null {
  try {
    const k = JSON.parse(sessionStorage.getItem(KEY) ?? "null") as StoredKey | null;
    if (k && k.accessToken && (!k.expiresAt || k.expiresAt > Date.now())) return k;
  } catch {
    /* a damaged entry is no key */
  }
  return null;
}

export function storeKey(accessToken: string | null, expiresAt: number | null = null): void {
  if (accessToken) sessionStorage.setItem(KEY, JSON.stringify({ accessToken, expiresAt }));
  else sessionStorage.removeItem(KEY);
}

// This page, without the code and state of a redirect: the same URI for the
// authorization request and the token exchange, keeping the page's own query.
function redirectUri(): string {
  const url = new URL(location.href);
  url.searchParams.delete("code");
  url.searchParams.delete("state");
  url.hash = "";
  return url.toString();
}

export async function signIn({ clientId, authUrl }: { clientId: string; authUrl?: string }): Promise<void> {
  await ready;
  const { url, state, verifier } = lib.pollinationsAuthorizeUrl({ clientId, redirectUri: redirectUri(), authUrl });
  const flow: Flow = { state, verifier, clientId, authUrl };
  sessionStorage.setItem(FLOW, JSON.stringify(flow));
  location.assign(url);
}

/** On load: finishes a sign-in the authorization server redirected back from. */
export async function finishSignIn(): Promise<{ accessToken: string; expiresAt: number | null } | null> {
  const params = new URLSearchParams(location.search);
  const code = params.get("code");
  const flow = JSON.parse(sessionStorage.getItem(FLOW) ?? "null") as Flow | null;
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
