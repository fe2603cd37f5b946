import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from "react";
import type { Angle, CarData, CarImagesResponse, CarVocabulary, GenerateOptions, GeneratedImage, PollinationsModel } from "carviews";
import { zipSync, strToU8 } from "fflate";
import { useCarImages } from "carviews/react";
import { finishSignIn, signIn, storedKey, storeKey } from "./byop";
import { ready, lib } from "./carviews";
import { ANGLES, TEXT, type Lang, type Text } from "./i18n";

type Titles = Partial<Record<Angle, string>>;
interface Form {
  brand: string;
  model: string;
  year: string;
  color: string;
  body_type: string;
}

// ?mock=<base URL> points every service at the mock (see tests/mock/server.mjs).
const MOCK = new URLSearchParams(location.search).get("mock");
const DEMO_APP_KEY = "pk_carviews_demo";

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <label className="field" htmlFor={id}>
      <span>{label}</span>
      {children}
    </label>
  );
}

function Card({ angle, image, t, car, titles }: { angle: Angle; image?: GeneratedImage; t: Text; car: Form; titles: Titles }) {
  const title = image?.title ?? titles[angle] ?? angle;
  const alt = `${title}: ${car.year} ${car.brand} ${car.model}`;
  const provider = image?.provider;
  const c = image?.consistency;
  return (
    <figure className={`card ${image?.placeholder ? "is-placeholder" : ""}`} data-angle={angle} data-provider={provider ?? ""}>
      <div className="frame">{image ? <img src={image.url} alt={alt} /> : <div className="empty" aria-hidden="true" />}</div>
      <figcaption>
        <strong>{title}</strong>
        <span className={`badge ${provider ?? ""}`}>
          {provider === "preview" ? (image?.fallback ? `${t.preview} · ${t.fallback}` : t.preview) : provider === "photo" ? t.photoBadge : provider ?? "…"}
        </span>
        {image && !image.placeholder && (
          <small>
            {t.seed} {image.seed} · {image.elapsed_ms} ms
            {c?.verified ? ` · ${c.ok ? "✓" : "⚠"} ΔE00 ${c.delta_e_requested ?? "–"}` : ""}
          </small>
        )}
        {image?.error && (
          <small className="error" role="status" title={image.error}>
            {image.error_code ? t.errorCodes[image.error_code] : image.error}
          </small>
        )}
        {image?.reference && (
          <small className="credit">
            {t.photo}: <a href={image.reference.page_url} target="_blank" rel="noreferrer">{image.reference.author}</a>, {image.reference.license}
          </small>
        )}
      </figcaption>
    </figure>
  );
}

/** A model from Pollinations' catalogue (paid-only ones marked), or the default alone while it is unknown. */
function ModelSelect({ id, value, onChange, models, fallback, t }: { id: string; value: string; onChange: (v: string) => void; models: PollinationsModel[] | null; fallback: string; t: Text }) {
  const list = models?.length ? models : [{ name: fallback, paid_only: false } as PollinationsModel];
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      {list.map((m) => <option key={m.name} value={m.name}>{m.paid_only ? `${m.name} (${t.paid})` : m.name}</option>)}
    </select>
  );
}

/** Every image of a response and a manifest.json, as one ZIP named after the session. */
async function downloadAll(response: CarImagesResponse): Promise<void> {
  const files: Record<string, Uint8Array> = {};
  for (const image of response.images) {
    if (image.blob) files[image.file_name] = new Uint8Array(await image.blob.arrayBuffer());
  }
  const manifest = {
    session_id: response.session_id,
    images: response.images.map((i) => ({
      file: i.blob ? i.file_name : null,
      angle: i.angle,
      seed: i.seed,
      prompt: i.prompt,
      provider: i.provider,
      model: i.model,
      reference: i.reference && { url: i.reference.page_url, author: i.reference.author, license: i.reference.license },
    })),
  };
  files["manifest.json"] = strToU8(JSON.stringify(manifest, null, 2));
  const url = URL.createObjectURL(new Blob([zipSync(files, { level: 0 })], { type: "application/zip" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = `${response.session_id}.zip`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "Start from your photo": a drop zone and file picker, the view it shows, and consent to upload it. */
function PhotoPicker({ photo, onPhoto, angle, onAngle, upload, onUpload, titles, t }: {
  photo: File | null; onPhoto: (f: File | null) => void; angle: Angle; onAngle: (a: Angle) => void;
  upload: boolean; onUpload: (u: boolean) => void; titles: Titles; t: Text;
}) {
  const preview = useMemo(() => (photo ? URL.createObjectURL(photo) : null), [photo]);
  useEffect(() => () => { if (preview) URL.revokeObjectURL(preview); }, [preview]);
  return (
    <fieldset className="photo">
      <legend>{t.photoTitle}</legend>
      <label
        className="drop"
        htmlFor="photo"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          const file = e.dataTransfer.files[0];
          if (file) onPhoto(file);
        }}
      >
        {preview ? <img src={preview} alt={t.photoTitle} /> : <span>{t.photoHint}</span>}
        <input id="photo" type="file" accept="image/*" onChange={(e) => onPhoto(e.target.files?.[0] ?? null)} />
      </label>
      {photo && (
        <div className="photo-options">
          <Field id="photoangle" label={t.photoAngle}>
            <select id="photoangle" value={angle} onChange={(e) => onAngle(e.target.value as Angle)}>
              {ANGLES.map((a) => <option key={a} value={a}>{titles[a] ?? a}</option>)}
            </select>
          </Field>
          <label className="consent">
            <input id="photoupload" type="checkbox" checked={upload} onChange={(e) => onUpload(e.target.checked)} /> {t.photoConsent}
          </label>
          <button type="button" className="link" onClick={() => onPhoto(null)}>{t.photoRemove}</button>
        </div>
      )}
    </fieldset>
  );
}

/** Paints as swatches with their names. */
function Swatches({ vocabulary, value, onChange, t }: { vocabulary: CarVocabulary | null; value: string; onChange: (v: string) => void; t: Text }) {
  return (
    <fieldset className="swatches">
      <legend>{t.color}</legend>
      {vocabulary?.colours.map((c) => (
        <label key={c.id} className="swatch" title={c.name}>
          <input type="radio" name="color" value={c.name} checked={value === c.name} onChange={() => onChange(c.name)} />
          <span className="dot" style={{ background: c.hex }} aria-hidden="true" />
          <span className="name">{c.name}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** Body types, each with a small drawing of the car in that body. */
function BodyChoice({ vocabulary, car, value, onChange, t }: { vocabulary: CarVocabulary | null; car: Form; value: string; onChange: (v: string) => void; t: Text }) {
  const thumbs = useMemo(() => {
    const out: Record<string, string> = {};
    for (const b of vocabulary?.body_types ?? []) {
      try {
        const svg = lib.renderCarPreview({ brand: car.brand || "Car", model: car.model || "Model", year: 2020, color: car.color, body_type: b.id }, "side", { width: 120, height: 72, caption: false, background: "transparent" });
        out[b.id] = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
      } catch {
        // An unfinished form (an empty brand) draws no thumbnail.
      }
    }
    return out;
  }, [vocabulary, car.brand, car.model, car.color]);
  return (
    <fieldset className="bodies">
      <legend>{t.body}</legend>
      {vocabulary?.body_types.map((b) => (
        <label key={b.id} className="body">
          <input type="radio" name="body_type" value={b.name} checked={value === b.name} onChange={() => onChange(b.name)} />
          {thumbs[b.id] && <img src={thumbs[b.id]} alt="" width={60} height={36} />}
          <span>{b.name}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function App() {
  const [lang, setLang] = useState<Lang>("uk");
  const t = TEXT[lang];
  const [car, setCar] = useState<Form>({ brand: "Рено", model: "Кліо", year: "2019", color: "синій", body_type: "хетчбек" });
  const [angles, setAngles] = useState<Angle[]>(["front", "side", "rear"]);
  const [key, setKey] = useState(() => storedKey());
  // A typed key lives in this tab's sessionStorage, like a signed-in one.
  const [typedKey, setTypedKey] = useState(() => sessionStorage.getItem("carviews.pollinations.typed") ?? "");
  const typeKey = (value: string) => {
    setTypedKey(value);
    if (value) sessionStorage.setItem("carviews.pollinations.typed", value);
    else sessionStorage.removeItem("carviews.pollinations.typed");
  };
  const [appKey, setAppKey] = useState(DEMO_APP_KEY);
  const [proxy, setProxy] = useState("");
  const [proxyModel, setProxyModel] = useState("dall-e-3");
  const [consistency, setConsistency] = useState<NonNullable<GenerateOptions["consistency"]>>("anchor");
  // Pollinations' catalogue, once there is a service to ask (a key, or the mock); the defaults until then.
  const [models, setModels] = useState<PollinationsModel[] | null>(null);
  const [model, setModel] = useState("flux");
  const [referenceModel, setReferenceModel] = useState("kontext");
  const [notice, setNotice] = useState<string | null>(null);
  const [titles, setTitles] = useState<Titles>({});
  const [vocabulary, setVocabulary] = useState<CarVocabulary | null>(null);
  const [photo, setPhoto] = useState<File | null>(null);
  const [photoAngle, setPhotoAngle] = useState<Angle>("front_left");
  const [photoUpload, setPhotoUpload] = useState(false);

  useEffect(() => {
    finishSignIn()
      .then((token) => token && setKey(storedKey()))
      .catch((e: Error) => setNotice(`${t.signIn}: ${e.message}`));
    ready.then(() => {
      setTitles(Object.fromEntries(ANGLES.map((a) => [a, lib.angleTitle(a, lang)])));
      setVocabulary(lib.carVocabulary(lang));
    });
  }, [lang]);

  const request = useMemo(() => {
    const car_data: CarData = { ...car, year: Number(car.year) || car.year };
    return { car_data, angles };
  }, [car, angles]);
  const apiKey = key?.accessToken || typedKey.trim() || undefined;
  useEffect(() => {
    if (!MOCK && !apiKey) return;
    ready
      .then(() => lib.pollinationsModels({ baseUrl: MOCK ?? undefined }))
      .then(setModels)
      .catch(() => setModels(null));
  }, [Boolean(apiKey)]);
  const options = useMemo(() => {
    const o: GenerateOptions = { language: lang, consistency };
    if (MOCK) {
      o.pollinations = { baseUrl: MOCK, mediaUrl: `${MOCK}/media`, api: apiKey ? "gen" : "legacy", apiKey };
      o.search = { wikipediaUrl: MOCK, commonsUrl: MOCK, wikidataUrl: MOCK };
    } else {
      o.pollinations = apiKey ? { apiKey } : false;
    }
    if (o.pollinations) o.pollinations = { ...o.pollinations, model, referenceModel };
    if (proxy.trim()) o.dalle = { proxyUrl: proxy.trim(), model: proxyModel };
    if (photo) o.referencePhoto = { image: photo, angle: photoAngle, upload: photoUpload };
    return o;
  }, [lang, consistency, apiKey, proxy, proxyModel, model, referenceModel, photo, photoAngle, photoUpload]);
  const { images, status, events, error, response, run, cancel } = useCarImages(request, options);
  const noAi = !MOCK && !apiKey && !proxy.trim();

  const toggleAngle = (a: Angle) => setAngles((prev) => (prev.includes(a) ? prev.filter((x) => x !== a) : [...prev, a]));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run();
  };
  const shown: Angle[] = response?.images.map((i) => i.angle) ?? (photo ? [photoAngle, ...angles.filter((a) => a !== photoAngle)] : angles);
  // The brand the form names (by id, name or alias), for its models' suggestions.
  const brand = useMemo(() => {
    const typed = car.brand.trim().toLowerCase();
    return vocabulary?.brands.find((b) => [b.id, b.name, ...b.aliases].some((n) => n.toLowerCase() === typed)) ?? null;
  }, [vocabulary, car.brand]);

  return (
    <main lang={lang}>
      <header>
        <div>
          <h1>{t.title}</h1>
          <p>{t.tagline}</p>
        </div>
        <div className="top">
          {key && <span className="chip" role="status">{t.signedIn}</span>}
          <button type="button" className="link" onClick={() => setLang(lang === "uk" ? "en" : "uk")}>{t.lang}</button>
        </div>
      </header>

      <form className="car" onSubmit={submit} aria-label={t.generate}>
        <Field id="brand" label={t.brand}><input id="brand" list="brands" autoComplete="off" value={car.brand} onChange={(e) => setCar({ ...car, brand: e.target.value })} /></Field>
        <datalist id="brands">
          {vocabulary?.brands.map((b) => <option key={b.id} value={b.name}>{b.aliases.join(", ")}</option>)}
        </datalist>
        <Field id="model" label={t.model}><input id="model" list="models" autoComplete="off" value={car.model} onChange={(e) => setCar({ ...car, model: e.target.value })} /></Field>
        <datalist id="models">
          {brand?.models.map((m) => <option key={m.id} value={m.name} />)}
        </datalist>
        <Field id="year" label={t.year}><input id="year" inputMode="numeric" value={car.year} onChange={(e) => setCar({ ...car, year: e.target.value })} /></Field>
        <Swatches vocabulary={vocabulary} value={car.color} onChange={(color) => setCar({ ...car, color })} t={t} />
        <BodyChoice vocabulary={vocabulary} car={car} value={car.body_type} onChange={(body_type) => setCar({ ...car, body_type })} t={t} />
        <PhotoPicker photo={photo} onPhoto={setPhoto} angle={photoAngle} onAngle={setPhotoAngle} upload={photoUpload} onUpload={setPhotoUpload} titles={titles} t={t} />
        <fieldset className="angles">
          <legend>{t.angles}</legend>
          {ANGLES.map((a) => (
            <label key={a}>
              <input type="checkbox" name="angle" value={a} checked={angles.includes(a)} onChange={() => toggleAngle(a)} /> {titles[a] ?? a}
            </label>
          ))}
        </fieldset>
        <div className="actions">
          <button type="submit" disabled={angles.length === 0}>{t.generate}</button>
          <button type="button" onClick={cancel} disabled={status !== "running"}>{t.cancel}</button>
          <button type="button" onClick={() => response && downloadAll(response)} disabled={!response}>{t.download}</button>
          <span className="status" role="status" aria-live="polite" data-status={status}>{t.status[status]}</span>
        </div>
      </form>

      {noAi && <p className="notice" role="note">{t.noAi}</p>}
      {notice && <p className="notice error" role="alert">{notice}</p>}
      {error && <p className="notice error" role="alert">{error.field ? `${error.field}: ` : ""}{error.message}</p>}
      {response && <p className="session">{t.session}: <code>{response.session_id}</code></p>}

      <section className="gallery" aria-live="polite">
        {shown.map((a) => <Card key={a} angle={a} image={images[a]} t={t} car={car} titles={titles} />)}
      </section>

      <details className="settings">
        <summary>{t.settings}</summary>
        <div className="grid">
          {key ? (
            <p className="signed"><button type="button" className="link" onClick={() => { storeKey(null); setKey(null); }}>{t.signOut}</button></p>
          ) : (
            <>
              <Field id="apikey" label={t.key}><input id="apikey" type="password" autoComplete="off" value={typedKey} onChange={(e) => typeKey(e.target.value)} /></Field>
              <Field id="appkey" label={t.appKey}><input id="appkey" value={appKey} onChange={(e) => setAppKey(e.target.value)} /></Field>
              <button type="button" onClick={() => signIn({ clientId: appKey, authUrl: MOCK ?? undefined }).catch((e: Error) => setNotice(e.message))}>{t.signIn}</button>
              <small>{t.keyHint}</small>
            </>
          )}
          <Field id="pmodel" label={t.pollinationsModel}>
            <ModelSelect id="pmodel" value={model} onChange={setModel} models={models} fallback="flux" t={t} />
          </Field>
          <Field id="refmodel" label={t.referenceModel}>
            <ModelSelect id="refmodel" value={referenceModel} onChange={setReferenceModel} models={models?.filter((m) => m.input_modalities.includes("image")) ?? null} fallback="kontext" t={t} />
          </Field>
          <Field id="proxy" label={t.proxy}><input id="proxy" placeholder="https://…/v1" value={proxy} onChange={(e) => setProxy(e.target.value)} /></Field>
          <Field id="proxymodel" label={t.proxyModel}>
            <select id="proxymodel" value={proxyModel} onChange={(e) => setProxyModel(e.target.value)}>
              <option>dall-e-3</option>
              <option>gpt-image-1</option>
            </select>
          </Field>
          <Field id="consistency" label={t.consistency}>
            <select id="consistency" value={consistency} onChange={(e) => setConsistency(e.target.value as typeof consistency)}>
              <option value="anchor">anchor</option>
              <option value="shared-seed">shared-seed</option>
              <option value="per-angle">per-angle</option>
            </select>
          </Field>
        </div>
      </details>

      <details className="log">
        <summary>{t.details}</summary>
        <h2>{t.prompts}</h2>
        <ol>{response?.images.map((i) => <li key={i.angle}><strong>{i.title}</strong>: {i.prompt}</li>)}</ol>
        <h2>{t.log}</h2>
        <ol className="events">{events.map((e, n) => <li key={n} className={e.level}>{e.elapsed_ms} ms · {e.message}</li>)}</ol>
      </details>
    </main>
  );
}
