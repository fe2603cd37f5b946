// A seller's photo made in the test itself (no third-party images in the
// repository): a blue car on a light backdrop drawn on a canvas, encoded as
// JPEG by the browser, with an EXIF segment holding a GPS position inserted
// after SOI — what a phone camera writes.

/** The EXIF APP1 segment: IFD0 pointing at a GPS IFD (N 50° 27' 30.00"). */
export function exifWithGps() {
  const b = [];
  const u16 = (v) => b.push((v >> 8) & 255, v & 255);
  const u32 = (v) => b.push((v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255);
  b.push(0x4d, 0x4d); u16(42); u32(8); // big-endian TIFF header, IFD0 at 8
  u16(1); u16(0x8825); u16(4); u32(1); u32(26); u32(0); // IFD0: GPSInfo → 26
  u16(2); // GPS IFD at 26
  u16(1); u16(2); u32(2); b.push(0x4e, 0, 0, 0); // GPSLatitudeRef "N"
  u16(2); u16(5); u32(3); u32(56); // GPSLatitude, 3 rationals at 56
  u32(0);
  for (const [n, d] of [[50, 1], [27, 1], [3000, 100]]) { u32(n); u32(d); }
  const payload = [0x45, 0x78, 0x69, 0x66, 0, 0, ...b]; // "Exif\0\0" + TIFF
  const length = payload.length + 2;
  return [0xff, 0xe1, (length >> 8) & 255, length & 255, ...payload];
}

/**
 * In the page: a `width`×`height` JPEG of a car painted `paint`, with the
 * GPS EXIF segment; stored as `window.sellerPhoto` (a Blob) and returned
 * as its size.
 */
export async function makeSellerPhoto(page, { width = 2000, height = 1500, paint = "#1f4e9c" } = {}) {
  return page.evaluate(async ([w, h, paint, exif]) => {
    const canvas = new OffscreenCanvas(w, h);
    const ctx = canvas.getContext("2d");
    ctx.fillStyle = "#eceef1";
    ctx.fillRect(0, 0, w, h);
    ctx.fillStyle = paint;
    ctx.fillRect(w * 0.12, h * 0.45, w * 0.76, h * 0.25);
    ctx.fillStyle = "#28323e";
    ctx.fillRect(w * 0.3, h * 0.32, w * 0.4, h * 0.14);
    ctx.fillStyle = "#19191c";
    for (const x of [0.28, 0.72]) {
      ctx.beginPath();
      ctx.arc(w * x, h * 0.7, h * 0.08, 0, Math.PI * 2);
      ctx.fill();
    }
    const jpeg = new Uint8Array(await (await canvas.convertToBlob({ type: "image/jpeg", quality: 0.92 })).arrayBuffer());
    const withExif = new Uint8Array(jpeg.length + exif.length);
    withExif.set(jpeg.subarray(0, 2));
    withExif.set(exif, 2);
    withExif.set(jpeg.subarray(2), 2 + exif.length);
    window.sellerPhoto = new Blob([withExif], { type: "image/jpeg" });
    return window.sellerPhoto.size;
  }, [width, height, paint, exifWithGps()]);
}

/** In the page: whether bytes hold an EXIF segment, and the image's size once decoded. */
export const INSPECT = `async (blob) => {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const text = String.fromCharCode(...bytes.subarray(0, Math.min(bytes.length, 4096)));
  const bitmap = await createImageBitmap(blob);
  return { exif: text.includes("Exif"), gps: bytes.some((_, i) => bytes[i] === 0x88 && bytes[i + 1] === 0x25), type: blob.type, width: bitmap.width, height: bitmap.height };
}`;
