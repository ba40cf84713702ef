// What this browser keeps for offline reading, on the 客户端 and offline pages:
// a client component with the reader app's texts. React lists it, so the page
// is ready when React and public/reader.js both are (data-needs-react).
import { ReaderAppMessages } from "./reader-app-messages";
import { SavedIssues } from "./saved-issues";

export function KeptIssues() {
  return (
    <div data-needs-react="">
      <ReaderAppMessages>
        <SavedIssues />
      </ReaderAppMessages>
    </div>
  );
}
