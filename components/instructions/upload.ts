// Uploads one file of 批示 work (a scan, a feedback attachment) to the JSON API.
import { callApi, type ApiResult } from "@/components/workspace/api-client";

export function uploadInstructionFile(file: File): Promise<ApiResult<{ id: number; name: string; mime: string; size: number; url: string }>> {
  const form = new FormData();
  form.append("file", file);
  return callApi("/api/v1/instruction-files", { body: form });
}
