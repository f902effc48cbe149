/** One entry of the table of contents, and the HTML under it. */
export interface PdfSection {
  id: string;
  title: string;
  /** 1: starts a new page; 2: follows on the same page. */
  level: 1 | 2;
  html: string;
}

/** A report as the renderer lays it out: cover, table of contents, sections, header and footer. */
export interface PdfDocument {
  title: string;
  subtitle: string;
  /** Lines under the title on the cover: the plan or cycle, the date. */
  cover: string[];
  /** Left in the running header beside the title (the plan's or cycle's name). */
  running: string;
  sections: PdfSection[];
}
