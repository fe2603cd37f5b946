// The demo's two languages.
import type { Angle, CarViewsErrorCode } from "carviews";

export type Lang = "en" | "uk";

const en = {
  title: "carviews",
  tagline: "One car, every angle — generated in parallel, always the same car.",
  brand: "Brand", model: "Model", year: "Year", color: "Colour", body: "Body type", angles: "Angles",
  generate: "Generate", cancel: "Cancel", session: "Session",
  settings: "Settings", key: "Pollinations key", keyHint: "Kept in this tab only (sessionStorage).",
  signIn: "Sign in with Pollinations", signedIn: "Signed in with Pollinations", signOut: "Sign out",
  appKey: "App key (pk_…)", proxy: "DALL-E proxy URL", proxyModel: "Proxy model", consistency: "Consistency",
  pollinationsModel: "Pollinations model", referenceModel: "Reference model (follows the main view)", paid: "paid",
  details: "Prompts and event log", prompts: "Prompts", log: "Event log",
  noAi: "AI images need a Pollinations key: sign in with Pollinations or paste a key in Settings (or give a DALL-E proxy). Until then every view is the built-in preview.",
  preview: "preview", fallback: "fallback", seed: "seed", photo: "Reference photo",
  status: { idle: "Ready", running: "Generating…", done: "Done", cancelled: "Cancelled", error: "Error" },
  lang: "Українська",
  download: "Download all (ZIP)",
  photoTitle: "Start from your photo", photoHint: "Drop a photo of your car here, or choose one",
  photoAngle: "It shows", photoConsent: "Upload it to Pollinations so the AI can follow it (unlisted, kept about two weeks; without it only a DALL-E proxy sees it)",
  photoRemove: "Remove the photo", photoBadge: "your photo",
  errorCodes: {
    no_provider: "No AI provider is set up",
    auth_required: "Pollinations needs a key: sign in or paste one",
    auth_failed: "The key was refused",
    payment_required: "The key's pollen balance or budget is spent",
    rate_limited: "The service is busy: too many requests",
    content_policy: "Refused by the service's content policy",
    bad_request: "The service refused the request",
    timeout: "No answer in time",
    network: "Network error",
    server_error: "The service failed",
    bad_image: "The service sent no usable image",
    aborted: "Cancelled",
  } satisfies Record<CarViewsErrorCode, string>,
};

export type Text = typeof en;

const uk: Text = {
  title: "carviews",
  tagline: "Один автомобіль з усіх боків — паралельно і завжди той самий.",
  brand: "Марка", model: "Модель", year: "Рік", color: "Колір", body: "Тип кузова", angles: "Ракурси",
  generate: "Згенерувати", cancel: "Скасувати", session: "Сесія",
  settings: "Налаштування", key: "Ключ Pollinations", keyHint: "Зберігається лише в цій вкладці (sessionStorage).",
  signIn: "Увійти через Pollinations", signedIn: "Вхід через Pollinations виконано", signOut: "Вийти",
  appKey: "Ключ застосунку (pk_…)", proxy: "URL проксі DALL-E", proxyModel: "Модель проксі", consistency: "Узгодженість",
  pollinationsModel: "Модель Pollinations", referenceModel: "Модель за еталоном (слідує головному ракурсу)", paid: "платна",
  details: "Промпти та журнал подій", prompts: "Промпти", log: "Журнал подій",
  noAi: "Для AI-зображень потрібен ключ Pollinations: увійдіть через Pollinations або вставте ключ у налаштуваннях (чи вкажіть проксі DALL-E). Доти кожен ракурс — вбудований ескіз.",
  preview: "ескіз", fallback: "заміна", seed: "seed", photo: "Еталонне фото",
  status: { idle: "Готово до роботи", running: "Генерація…", done: "Готово", cancelled: "Скасовано", error: "Помилка" },
  lang: "English",
  download: "Завантажити все (ZIP)",
  photoTitle: "Почати з вашого фото", photoHint: "Перетягніть сюди фото свого авто або виберіть файл",
  photoAngle: "На фото", photoConsent: "Завантажити його до Pollinations, щоб AI слідував фото (за посиланням, близько двох тижнів; без згоди його бачить лише проксі DALL-E)",
  photoRemove: "Прибрати фото", photoBadge: "ваше фото",
  errorCodes: {
    no_provider: "Не налаштовано жодного AI-сервісу",
    auth_required: "Pollinations потрібен ключ: увійдіть або вставте ключ",
    auth_failed: "Ключ відхилено",
    payment_required: "Баланс або бюджет ключа вичерпано",
    rate_limited: "Сервіс перевантажений: забагато запитів",
    content_policy: "Відхилено правилами вмісту сервісу",
    bad_request: "Сервіс відхилив запит",
    timeout: "Немає відповіді вчасно",
    network: "Помилка мережі",
    server_error: "Збій сервісу",
    bad_image: "Сервіс не надіслав придатного зображення",
    aborted: "Скасовано",
  },
};

export const TEXT: Record<Lang, Text> = { en, uk };

export const ANGLES: Angle[] = ["front", "front_left", "front_right", "side", "side_right", "rear", "rear_left", "rear_right", "top", "interior"];
