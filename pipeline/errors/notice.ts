import type { NoticeCode } from './codes.ts';

/** Something the build met and dealt with, told once; the build goes on. */
export interface Notice {
  code: NoticeCode;
  message: string;
}
