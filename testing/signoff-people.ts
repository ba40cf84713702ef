// The demo loaded into a test database, with the people of 签发: the demo
// editor, signer (王建国), admin and 聊城 contributor, and a second signer
// (李副主任) for races. For the sign-off and correction integration tests.
import { loadDemo } from "@/lib/demo/load-demo";
import { createUser, findUserByEmail } from "@/lib/users/users";
import { viewerFromUser } from "@/lib/auth/viewer";
import { systemViewer, type Viewer } from "@/lib/auth/permissions";

export interface SignoffPeople {
  editor: Viewer;
  leader: Viewer;
  leader2: Viewer;
  admin: Viewer;
  liaocheng: Viewer;
}

export async function loadDemoWithSigners(): Promise<SignoffPeople> {
  await loadDemo({ password: "demo-password-1" });
  await createUser(systemViewer("test"), { email: "leader2@demo.local", name: "李副主任", role: "signer", password: "demo-password-2" });
  const v = async (email: string) => viewerFromUser((await findUserByEmail(email))!);
  const [editor, leader, leader2, admin, liaocheng] = await Promise.all(
    ["editor", "leader", "leader2", "admin", "liaocheng"].map((name) => v(`${name}@demo.local`)),
  );
  return { editor: editor!, leader: leader!, leader2: leader2!, admin: admin!, liaocheng: liaocheng! };
}
