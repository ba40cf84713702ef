// What an editor sends to change an issue: the shapes the API routes
// validate (lib/api/routes/issues.ts) and the services take, already parsed.
import { z } from "zod";
import { sectionHeadingText } from "./section-heading";

const YEAR = z.number().int().min(1949).max(9999);
const NUMBER = z.number().int().min(1).max(100_000);

/** PostgreSQL cannot store NUL: refused at the boundary (422) instead of failing in the query (500). */
const NO_NUL = /^[^\u0000]*$/;
const NUL_MESSAGE = "不能包含空字符";

export const createIssueSchema = z
  .object({
    publication: z.string().min(1).max(100).regex(NO_NUL, NUL_MESSAGE),
    year: YEAR.optional(),
    number: NUMBER.optional(),
    totalNumber: NUMBER.optional(),
    series: z.enum(["regular", "supplement"]).optional(),
    // 编辑 on the issue's last line; the creating editor's name when omitted.
    editorName: z.string().trim().min(1).max(50).regex(NO_NUL, NUL_MESSAGE).optional(),
    // 刊发日期, for back issues typed in from the paper archive.
    publishedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

export type CreateIssueInput = z.infer<typeof createIssueSchema>;

export const updateIssueSchema = z
  .object({
    version: z.number().int().min(1),
    source: z.string().trim().max(100).regex(NO_NUL, NUL_MESSAGE).nullable().optional(),
    editorName: z.string().trim().max(50).regex(NO_NUL, NUL_MESSAGE).nullable().optional(),
    note: z.string().trim().max(2000).regex(NO_NUL, NUL_MESSAGE).nullable().optional(),
    publishedAt: z.iso.datetime({ offset: true }).nullable().optional(),
    year: YEAR.optional(),
    number: NUMBER.optional(),
    totalNumber: NUMBER.nullable().optional(),
  })
  .strict();

export type UpdateIssueInput = z.infer<typeof updateIssueSchema>;

export const layoutSchema = z
  .object({
    sections: z
      .array(
        z
          .object({
            // Stored without the brackets the issue prints (【…】 is presentation).
            heading: z.string().transform(sectionHeadingText).pipe(z.string().min(1).max(100).regex(NO_NUL, NUL_MESSAGE)).nullable(),
            // ids are PostgreSQL integers: a larger number is no article (422), not a query error.
            articleIds: z.array(z.number().int().min(1).max(2_147_483_647)).max(500),
          })
          .strict(),
      )
      .max(100),
    version: z.number().int().min(1).optional(),
  })
  .strict();
export type Layout = z.infer<typeof layoutSchema>;


/** 定时发布: when the issue goes out. */
export const scheduleSchema = z.object({ at: z.iso.datetime({ offset: true }) }).strict();
export type ScheduleInput = z.infer<typeof scheduleSchema>;

export const withdrawSchema = z.object({ reason: z.string().trim().min(1, "请填写撤回原因").max(1000).regex(NO_NUL, NUL_MESSAGE) }).strict();
export type WithdrawInput = z.infer<typeof withdrawSchema>;
