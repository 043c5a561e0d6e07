import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseTextCipher } from '../shared/case-text';
import { WelfareCase } from './welfare-case.entity';
import { welfareCaseView, type WelfareCaseView } from './welfare-case.views';
import { WelfareNote } from './welfare-note.entity';

/** The one way welfare cases and notes are written and read, by the use cases and the replica alike. */
@Injectable()
export class WelfareLedger {
  constructor(private readonly text: CaseTextCipher) {}

  async open(manager: EntityManager, c: Omit<WelfareCase, 'summaryEnc'>, summary: string): Promise<void> {
    await manager.insert(WelfareCase, { ...c, summaryEnc: this.text.atRest(summary, 'welfare_case.summary', c.id) });
  }

  async note(manager: EntityManager, note: Omit<WelfareNote, 'textEnc'>, text: string): Promise<void> {
    await manager.createQueryBuilder().insert().into(WelfareNote).values({ ...note, textEnc: this.text.atRest(text, 'welfare_note.text', note.id) }).orIgnore().execute();
  }

  async view(manager: EntityManager, c: WelfareCase): Promise<WelfareCaseView> {
    const notes = await manager.find(WelfareNote, { where: { caseId: c.id }, order: { recordedAt: 'ASC', id: 'ASC' } });
    return welfareCaseView(
      c,
      this.text.inClear(c.summaryEnc, 'welfare_case.summary', c.id),
      notes.map((n) => ({ noteId: n.id, text: this.text.inClear(n.textEnc, 'welfare_note.text', n.id), notedOn: n.notedOn, byCountry: n.byCountry, byOfficer: n.byOfficer })),
    );
  }
}
