import { IsIn } from 'class-validator';

const ATOM_FILES = ['ar.atom', 'fr.atom', 'en.atom'];

export class AtomParams {
  /** The feed's language: ar.atom, fr.atom or en.atom. */
  @IsIn(ATOM_FILES)
  file: string;
}
