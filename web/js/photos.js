// Photos go straight from the phone to the attachments bucket with a presigned form; the
// suggestion only carries their keys. XMLHttpRequest, because fetch cannot report upload
// progress and a slow 4G upload with no progress bar looks broken.
import { ApiError, NetworkError, api } from "./core.js";

export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"];
export const MAX_PHOTOS = 9;

export async function uploadPhoto(file, onProgress) {
  const form = await api("POST", "/uploads/photos", { body: { content_type: file.type, size_bytes: file.size } });
  const data = new FormData();
  for (const [name, value] of Object.entries(form.fields)) data.append(name, value);
  data.append("file", file);
  await new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", form.url);
    request.upload.onprogress = (event) => { if (event.lengthComputable) onProgress(Math.round((100 * event.loaded) / event.total)); };
    request.onload = () => (request.status < 300 ? resolve() : reject(new ApiError(request.status, { code: "upload_refused" })));
    request.onerror = () => reject(new NetworkError());
    request.send(data);
  });
  onProgress(100);
  return { key: form.key, name: file.name };
}
