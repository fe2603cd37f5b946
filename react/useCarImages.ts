// carviews/react: useCarImages, a React hook around generateCarImages.
//
//   import { useCarImages } from "carviews/react";
//   const { images, status, events, error, response, run, cancel } = useCarImages(request, options);
//
// - `images` maps each angle to its latest image: the instant preview first
//   (placeholder: true), then the AI image (or the labelled fallback).
// - `run(request?, options?)` starts a generation (aborting one in flight);
//   `cancel()` aborts it; unmounting aborts too.
// - `status`: "idle" | "running" | "done" | "cancelled" | "error".
// - The hook owns the responses it shows: it releases the previous run's
//   (releaseCarImages) when a new run starts and on unmount, so the object
//   URLs of images nobody shows any more are revoked.
// - The module is loaded when the first run starts, not on import: server
//   rendering and a page that never runs do not load it, and a module the
//   page cannot start (a Content-Security-Policy without 'wasm-unsafe-eval')
//   is `status: "error"` with a CarViewsError whose code is
//   "module_unavailable", never a crashed page.
"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { CarImagesRequest, CarImagesResponse, CarViewsError, CarViewsEvent, GenerateOptions, GeneratedImage } from "carviews";

type Module = typeof import("carviews");

let loading: Promise<Module> | null = null;
let loaded: Module | null = null;

/** The module, loaded once, on the first run; a failure is a CarViewsError and is tried again next run. */
function load(): Promise<Module> {
  loading ??= import("carviews").then(
    (m) => (loaded = m),
    (cause: unknown) => {
      loading = null;
      const error = new Error(
        `carviews could not start its WebAssembly module (${(cause as Error)?.message ?? cause}); ` +
          "under a Content-Security-Policy, script-src needs 'wasm-unsafe-eval'",
        { cause },
      ) as CarViewsError;
      error.name = "CarViewsError";
      (error as { code: string }).code = "module_unavailable";
      throw error;
    },
  );
  return loading;
}

export type Status = "idle" | "running" | "done" | "cancelled" | "error";

export interface CarImagesState {
  images: Partial<Record<GeneratedImage["angle"], GeneratedImage>>;
  status: Status;
  events: CarViewsEvent[];
  error: CarViewsError | null;
  response: CarImagesResponse | null;
  run: (request?: CarImagesRequest, options?: GenerateOptions) => Promise<CarImagesResponse | null>;
  cancel: () => void;
}

export function useCarImages(request: CarImagesRequest, options?: GenerateOptions): CarImagesState {
  const [images, setImages] = useState<CarImagesState["images"]>({});
  const [status, setStatus] = useState<Status>("idle");
  const [events, setEvents] = useState<CarViewsEvent[]>([]);
  const [error, setError] = useState<CarViewsError | null>(null);
  const [response, setResponse] = useState<CarImagesResponse | null>(null);
  const controller = useRef<AbortController | null>(null);
  const latest = useRef({ request, options });
  latest.current = { request, options };

  // The response on show, released when the next run starts or on unmount.
  const shown = useRef<CarImagesResponse | null>(null);
  const release = () => {
    if (shown.current) loaded?.releaseCarImages(shown.current);
    shown.current = null;
  };

  useEffect(
    () => () => {
      controller.current?.abort();
      release();
    },
    [],
  );

  const run = useCallback(async (req?: CarImagesRequest, opts?: GenerateOptions) => {
    const r = req ?? latest.current.request;
    const o: GenerateOptions = opts ?? latest.current.options ?? {};
    controller.current?.abort();
    release();
    const c = new AbortController();
    controller.current = c;
    const current = () => controller.current === c && !c.signal.aborted;
    setImages({});
    setEvents([]);
    setError(null);
    setResponse(null);
    setStatus("running");
    try {
      const { generateCarImages, releaseCarImages } = await load();
      const res = await generateCarImages(r, {
        ...o,
        signal: c.signal,
        onImage: (image) => {
          if (current()) setImages((prev) => ({ ...prev, [image.angle]: image }));
          o.onImage?.(image);
        },
        onEvent: (event) => {
          if (current()) setEvents((prev) => [...prev, event]);
          o.onEvent?.(event);
        },
      });
      if (current()) {
        shown.current = res;
        setResponse(res);
        setStatus("done");
      } else {
        // A run overtaken by a newer one: nobody shows its images.
        releaseCarImages(res);
      }
      return res;
    } catch (caught) {
      const e = caught as CarViewsError;
      if (e?.name === ("AbortError" as string)) {
        if (controller.current === c) setStatus("cancelled");
        return null;
      }
      if (controller.current === c) {
        setError(e);
        setStatus("error");
      }
      return null;
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);

  return { images, status, events, error, response, run, cancel };
}
