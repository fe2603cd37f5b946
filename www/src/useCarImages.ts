// useCarImages: a React hook around carviews' generateCarImages.
//
//   const { images, status, events, error, response, run, cancel } = useCarImages(request, options);
//
// - `images` maps each angle to its latest image: the instant preview first
//   (placeholder: true), then the AI image (or the labelled fallback).
// - `run(request?, options?)` starts a generation (aborting one in flight);
//   `cancel()` aborts it; unmounting aborts too.
// - `status`: "idle" | "running" | "done" | "cancelled" | "error".
// Copy this file as is: it needs only React and carviews.
import { useCallback, useEffect, useRef, useState } from "react";
import type { CarImagesRequest, CarImagesResponse, CarViewsError, CarViewsEvent, GenerateOptions, GeneratedImage } from "carviews";
import { ready, lib } from "./carviews";

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

  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(async (req?: CarImagesRequest, opts?: GenerateOptions) => {
    const r = req ?? latest.current.request;
    const o: GenerateOptions = opts ?? latest.current.options ?? {};
    controller.current?.abort();
    const c = new AbortController();
    controller.current = c;
    const current = () => controller.current === c && !c.signal.aborted;
    setImages({});
    setEvents([]);
    setError(null);
    setResponse(null);
    setStatus("running");
    try {
      await ready;
      const res = await lib.generateCarImages(r, {
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
        setResponse(res);
        setStatus("done");
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
