// A stand-in for a server process, for the crash-safety test
// (testing/crash-safety.db.test.ts), bundled by it and run with plain node:
// it opens DATA_DIR as a server does (the data-directory lock, migrations,
// the demo on an empty database — lib/startup.ts), then writes in a loop
// through the services the API's route handlers call, until it is killed.
// Each write it prints as one JSON line only after the service has returned,
// that is after its transaction committed: that line is the write's
// acknowledgement, as a 2xx answer is over HTTP. (Pipes are written
// synchronously on Linux: a printed line reaches the test even if the kill
// comes right after.)
import { articleInputSchema, createArticle, transitionArticle } from "@/lib/articles/mutations";
import { createIssue, getIssue, setIssueLayout, updateIssue } from "@/lib/issues/assembly";
import { publishCheckedIssue } from "@/lib/issues/lifecycle";
import { createIssueSchema, layoutSchema, updateIssueSchema } from "@/lib/issues/schemas";
import { requestSignoff, signoffIssue, signoffSchema } from "@/lib/issues/signoff";
import { prepareDatabase } from "@/lib/startup";
import { demoViewers } from "./demo-viewers";

export type CrashAck =
  | { ready: true }
  | { article: number; title: string; status: "draft" | "submitted" | "accepted" }
  | { published: number; year: number; number: number; articleIds: number[] };

const ack = (line: CrashAck) => process.stdout.write(JSON.stringify(line) + "\n");

const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

async function main() {
  const cycle = Number(process.env.CRASH_CYCLE);
  process.env.CMS_PROCESS_PURPOSE = "server";
  await prepareDatabase({ demo: true, log: () => {} });
  const [contributor, editor, signer] = await demoViewers("liaocheng@demo.local", "editor@demo.local", "leader@demo.local");
  ack({ ready: true });
  let n = 0;
  for (;;) {
    const batch: number[] = [];
    for (let i = 0; i < 3; i++) {
      const title = `崩溃测试稿件 第${cycle}轮 第${++n}篇`;
      const { id } = await createArticle(contributor, articleInputSchema.parse({ title, body: doc(`${title}的正文。`) }));
      ack({ article: id, title, status: "draft" });
      await transitionArticle(contributor, id, "submit");
      ack({ article: id, title, status: "submitted" });
      await transitionArticle(editor, id, "accept");
      ack({ article: id, title, status: "accepted" });
      batch.push(id);
    }
    const issue = await createIssue(editor, createIssueSchema.parse({ publication: "sdtp", year: 2050 + cycle }));
    await setIssueLayout(editor, issue.id, layoutSchema.parse({ sections: [{ heading: "崩溃测试", articleIds: batch }] }));
    const { version } = await getIssue(editor, issue.id);
    await updateIssue(editor, issue.id, updateIssueSchema.parse({ version, editorName: "测试" }));
    // 签发 first: the demo publication requires it.
    await requestSignoff(editor, issue.id);
    await signoffIssue(signer, issue.id, signoffSchema.parse({ decision: "approve" }));
    await publishCheckedIssue(editor, issue.id);
    ack({ published: issue.id, year: issue.year, number: issue.number, articleIds: batch });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
