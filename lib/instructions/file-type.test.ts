import { describe, expect, it } from "vitest";
import { makePng } from "@/testing/png";
import { detectInstructionFileType } from "./files";

describe("批示 files are typed by their content", () => {
  it("takes images and PDF, whatever they are called, and nothing else", () => {
    expect(detectInstructionFileType(new Uint8Array(makePng()))).toBe("image/png");
    expect(detectInstructionFileType(new Uint8Array(Buffer.from("%PDF-1.7\n")))).toBe("application/pdf");
    expect(detectInstructionFileType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    for (const bad of ["<html><script>alert(1)</script>", "%PD", "PK\u0003\u0004 docx", ""]) expect(detectInstructionFileType(new Uint8Array(Buffer.from(bad))), bad).toBeNull();
  });
});
