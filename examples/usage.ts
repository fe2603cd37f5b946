// A typed use of carviews, checked by `tsc --strict --noEmit` in the test
// command: if the generated typings degrade to `any`, the negative file next
// to the tests stops failing and the check fails.
import init, {
  angleTitle,
  generateCarImages,
  planCarImages,
  renderCarPreview,
  seedFor,
  sessionIdFor,
  type Angle,
  type CarData,
  type CarImagesPlan,
  type CarImagesRequest,
  type CarImagesResponse,
  type CarViewsError,
  type CarViewsEvent,
  type GeneratedImage,
  type GenerateOptions,
} from "carviews";

export async function example(apiKey: string, show: (image: GeneratedImage) => void): Promise<string[]> {
  await init();
  const car: CarData = { brand: "Renault", model: "Clio", year: 2019, color: "blue", body_type: "hatchback" };
  const request: CarImagesRequest = { car_data: car, angles: ["front", "side", "rear"] };

  const plan: CarImagesPlan = planCarImages(request, { language: "uk", consistency: "anchor" });
  const main: Angle = plan.images[0].angle;
  const seed: number = seedFor(plan.session_id, main);
  const title: string = angleTitle(main, "ru");
  const svg: string = renderCarPreview(car, "front_left", { width: 640, height: 480, background: "transparent" });

  const controller = new AbortController();
  const options: GenerateOptions = {
    pollinations: { apiKey, model: "flux" },
    dalle: { proxyUrl: "https://my-backend.example/v1", model: "gpt-image-1" },
    search: { timeoutMs: 3000, referenceConditioning: false },
    consistency: "anchor",
    timeoutMs: 45_000,
    retries: 2,
    signal: controller.signal,
    onImage: show,
    onEvent: (e: CarViewsEvent) => console.log(e.stage, e.message),
  };
  try {
    const res: CarImagesResponse = await generateCarImages(request, options);
    const ok: boolean = res.success && res.images.every((i) => i.consistency?.ok ?? true);
    const credits = res.images.flatMap((i) => (i.reference ? [`${i.reference.author}, ${i.reference.license}`] : []));
    return [sessionIdFor(car), String(seed), title, String(svg.length), String(ok), ...credits];
  } catch (e) {
    const err = e as CarViewsError;
    return [err.code, err.field ?? "", err.message];
  }
}
