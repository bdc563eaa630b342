import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import type { EmailTemplateName } from './email.types';
import { EMAIL_TEMPLATE_SOURCES } from './templates';
import { BUTTON_HTML, LAYOUT_HTML } from './templates/layout';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

type Compiled = (view: Record<string, unknown>) => string;

/** Subjects are one header line; long names (a 320-character inviter address…) are cut to fit the log column. */
const MAX_SUBJECT = 200;
const truncate = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

/** Renders platform emails from the templates in `templates/`, compiled once when the app starts. */
@Injectable()
export class EmailRenderer {
  private readonly compiled: Record<EmailTemplateName, { subject: Compiled; html: Compiled; text: Compiled }>;

  constructor() {
    const handlebars = Handlebars.create();
    handlebars.registerPartial('layout', LAYOUT_HTML);
    handlebars.registerPartial('button', BUTTON_HTML);
    const compile = (source: string, escape: boolean) =>
      handlebars.compile(source, { noEscape: !escape, knownHelpersOnly: true });
    const entries = Object.entries(EMAIL_TEMPLATE_SOURCES).map(([name, t]) => [
      name,
      { subject: compile(t.subject, false), html: compile(t.html, true), text: compile(t.text, false) },
    ]);
    this.compiled = Object.fromEntries(entries);
  }

  /** Throws an `email-invalid-template-data` error when `data` lacks what the template needs. */
  render(template: EmailTemplateName, data: Record<string, unknown>): RenderedEmail {
    const view = EMAIL_TEMPLATE_SOURCES[template].view(data);
    const compiled = this.compiled[template];
    const subject = truncate(compiled.subject(view).replace(/\s+/g, ' ').trim(), MAX_SUBJECT);
    return {
      subject,
      html: compiled.html({ ...view, subject }),
      text: compiled.text(view).replace(/\n{3,}/g, '\n\n').trim() + '\n',
    };
  }
}
