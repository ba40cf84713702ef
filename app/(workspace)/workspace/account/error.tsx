"use client";
export { ErrorState as default } from "@/components/admin/error-state";
