#!/usr/bin/env python3
"""Contracts one file per owning service (issue 15), as a re-runnable codemod.

    python3 tools/codemods/contracts-per-service.py [--dry-run] [--allow-unplanned] [--no-prettier]

Run from anywhere inside the repository. What it does, by names and patterns (never line numbers):

1. `libs/contracts/src` by owning service: `common/`, `identity/`, `commitments/`, `participation/`,
   `notifications/`, `reporting/`, each holding its `<service>.contract.ts` (payload types, then its
   subjects) and its DTO classes side by side. Files are moved with `git mv`; relative imports inside
   the lib are recomputed; `index.ts` re-exports the same public names minus the merged objects.
2. One subjects object per owning service: PlansRpc and SnapshotRpc into CommitmentsRpc (SnapshotRpc's
   keys take a `snapshot` prefix), PlanEvents into CommitmentsEvents, NotificationsRpc2 into
   NotificationsRpc, FeedsRpc split by subject (`participation.*` to ParticipationRpc, `reporting.*` to
   ReportingRpc). A payload type goes with the subjects when nothing else in its old file uses it.
   A key that would collide is renamed (`<prefix><Key>`) and reported. Subject strings never change.
   `deadLetterStreamName` (the event bus's, used by libs/messaging) joins `common/rpc-contract.ts`.
3. Every use in services/, libs/, tools/ (.ts, .tsx) rewritten (`PlansRpc.getPlan` ->
   `CommitmentsRpc.getPlan`), the named imports from '@ogp/contracts' de-duplicated and kept sorted
   when they were, then `npx prettier --write` on the files it changed.

Everything is planned and checked in memory first (public names of the barrel, subject strings, key
collisions); nothing is written when a check fails. A second run on the result says there is nothing
left to do and changes nothing. Exit status: 0 done or nothing to do, 1 something expected is missing
or a check failed (the message says what), 2 bad arguments.
"""

from __future__ import annotations

import argparse
import os
import posixpath
import re
import subprocess
import sys
from dataclasses import dataclass, field

LIB = 'libs/contracts/src'
SERVICE_DIRS = ('common', 'identity', 'commitments', 'participation', 'notifications', 'reporting')

# Whole files: old path (relative to LIB) -> new path.
FILE_MOVES = {
    # common: the wire (rpc/event contracts, envelope, headers, page, language), errors, validation.
    'rpc-contract.ts': 'common/rpc-contract.ts',
    'event-envelope.ts': 'common/event-envelope.ts',
    'header.constant.ts': 'common/header.constant.ts',
    'page.ts': 'common/page.ts',
    'language.constant.ts': 'common/language.constant.ts',
    'language.spec.ts': 'common/language.spec.ts',
    'error-code.constant.ts': 'common/error-code.constant.ts',
    'error-status.constant.ts': 'common/error-status.constant.ts',
    'error-message.constant.ts': 'common/error-message.constant.ts',
    'domain.error.ts': 'common/domain.error.ts',
    'field-issue.ts': 'common/field-issue.ts',
    'field-message.constant.ts': 'common/field-message.constant.ts',
    'field-message.ts': 'common/field-message.ts',
    'field-message.spec.ts': 'common/field-message.spec.ts',
    'validation-details.ts': 'common/validation-details.ts',
    'localize-details.ts': 'common/localize-details.ts',
    'invalid-request.ts': 'common/invalid-request.ts',
    'invalid-fields.ts': 'common/invalid-fields.ts',
    'service-info.contract.ts': 'common/service-info.contract.ts',
    'dto/localized-text.dto.ts': 'common/localized-text.dto.ts',
    'dto/id-param.dto.ts': 'common/id-param.dto.ts',
    'dto/page-query.dto.ts': 'common/page-query.dto.ts',
    # one folder per owning service
    'identity.contract.ts': 'identity/identity.contract.ts',
    'commitments.contract.ts': 'commitments/commitments.contract.ts',
    'tracking.contract.ts': 'commitments/tracking.contract.ts',
    'dto/create-programme.dto.ts': 'commitments/create-programme.dto.ts',
    'participation.contract.ts': 'participation/participation.contract.ts',
    'notifications.contract.ts': 'notifications/notifications.contract.ts',
    'dto/mark-read.dto.ts': 'notifications/mark-read.dto.ts',
    'reporting.contract.ts': 'reporting/reporting.contract.ts',
    'dto/reporting.dto.ts': 'reporting/reporting.dto.ts',
}
# Folders whose every file follows (new files included).
FOLDER_MOVES = {
    'dto/commitments/': 'commitments/',
    'dto/participation/': 'participation/',
    'dto/validation/': 'common/validation/',
}
# Whole files merged into another: their declarations go before the first subjects object there.
FILE_MERGES = {
    'plans.contract.ts': 'commitments/commitments.contract.ts',
    'feeds.contract.ts': 'reporting/reporting.contract.ts',
}
# A new file at the root (or under dto/) with no entry above goes by its name's first word, e.g.
# `plans-import.contract.ts` to commitments/; a file whose name names no service stops the run.
PREFIX_HOMES = {
    'identity': 'identity/',
    'commitments': 'commitments/',
    'commitment': 'commitments/',
    'plans': 'commitments/',
    'plan': 'commitments/',
    'programme': 'commitments/',
    'tracking': 'commitments/',
    'participation': 'participation/',
    'notifications': 'notifications/',
    'notification': 'notifications/',
    'reporting': 'reporting/',
    'feeds': 'reporting/',
}
# Subjects objects merged into another: (source, target, prefix of a renamed key, rename every key).
OBJECT_MERGES = [
    ('PlansRpc', 'CommitmentsRpc', 'plan', False),
    ('SnapshotRpc', 'CommitmentsRpc', 'snapshot', True),
    ('PlanEvents', 'CommitmentsEvents', 'plan', False),
    ('NotificationsRpc2', 'NotificationsRpc', 'notification', False),
]
# Subjects objects split by the subject's first segment: (source, {segment: target}, prefix if renamed).
OBJECT_SPLITS = [
    ('FeedsRpc', {'participation': 'ParticipationRpc', 'reporting': 'ReportingRpc'}, 'feed'),
]
# Declarations placed by name (the others follow their users): name -> new file.
DECLARATION_MOVES = {
    'NOTIFICATION_MODES': 'notifications/notifications.contract.ts',
    # The dead-letter stream is the event bus's (libs/messaging, notifications), beside DEAD_LETTER_SUBJECT_ROOT.
    'deadLetterStreamName': 'common/rpc-contract.ts',
}
OLD_NAMES = [m[0] for m in OBJECT_MERGES] + [s[0] for s in OBJECT_SPLITS]
BARREL = '@ogp/contracts'
SUBJECTS_OBJECT = re.compile(r'^[A-Z]\w*(Rpc|Events)\d*$')
USAGE_ROOTS = ('services', 'libs', 'tools')
SKIP_DIRS = {'node_modules', 'dist', '.next', '.nx', 'coverage', '.git'}


class Failure(Exception):
    pass


def fail(msg: str) -> None:
    raise Failure(msg)


# --------------------------------------------------------------------------------------------------
# A small TypeScript tokenizer: enough to skip strings, templates, comments and regular expressions.
# --------------------------------------------------------------------------------------------------


@dataclass
class Tok:
    kind: str  # ws comment str tmpl regex id num punct
    start: int
    end: int
    text: str


REGEX_AFTER_PUNCT = set('(,=:[!&|?{};+-*%<>~^') | {'=>', '...'}
REGEX_AFTER_WORD = {'return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'yield'}
MULTI_PUNCT = ('...', '=>', '?.')


def tokenize(src: str, where: str = '') -> list[Tok]:
    toks: list[Tok] = []
    i, n = 0, len(src)
    stack: list[str] = []  # 'brace' or 'tmpl' for each open '{' / '${'
    prev: Tok | None = None

    def template_from(j: int) -> int:
        """Scans a template body from j (after ` or }); returns the index after ` or after ${."""
        while j < n:
            ch = src[j]
            if ch == '\\':
                j += 2
                continue
            if ch == '`':
                return j + 1
            if ch == '$' and j + 1 < n and src[j + 1] == '{':
                stack.append('tmpl')
                return j + 2
            j += 1
        fail(f'{where}: unterminated template literal')
        return n

    while i < n:
        c = src[i]
        start = i
        if c in ' \t\r\n':
            while i < n and src[i] in ' \t\r\n':
                i += 1
            toks.append(Tok('ws', start, i, src[start:i]))
            continue
        if src.startswith('//', i):
            j = src.find('\n', i)
            i = n if j < 0 else j
            kind = 'comment'
        elif src.startswith('/*', i):
            j = src.find('*/', i + 2)
            if j < 0:
                fail(f'{where}: unterminated comment')
            i = j + 2
            kind = 'comment'
        elif c in '\'"':
            j = i + 1
            while j < n and src[j] != c:
                if src[j] == '\\':
                    j += 1
                if src[j] == '\n':
                    fail(f'{where}: unterminated string at offset {i}')
                j += 1
            i = j + 1
            kind = 'str'
        elif c == '`':
            i = template_from(i + 1)
            kind = 'tmpl'
        elif c == '/' and (
            prev is None
            or (prev.kind == 'punct' and prev.text in REGEX_AFTER_PUNCT)
            or (prev.kind == 'id' and prev.text in REGEX_AFTER_WORD)
        ):
            j = i + 1
            in_class = False
            while j < n:
                ch = src[j]
                if ch == '\\':
                    j += 2
                    continue
                if ch == '\n':
                    fail(f'{where}: unterminated regular expression at offset {i}')
                if in_class:
                    in_class = ch != ']'
                elif ch == '[':
                    in_class = True
                elif ch == '/':
                    break
                j += 1
            j += 1
            while j < n and (src[j].isalnum() or src[j] == '_'):
                j += 1
            i = j
            kind = 'regex'
        elif c.isalpha() or c in '_$':
            while i < n and (src[i].isalnum() or src[i] in '_$'):
                i += 1
            kind = 'id'
        elif c.isdigit():
            while i < n and (src[i].isalnum() or src[i] in '._'):
                i += 1
            kind = 'num'
        else:
            kind = 'punct'
            for m in MULTI_PUNCT:
                if src.startswith(m, i):
                    i += len(m)
                    break
            else:
                i += 1
                if c == '{':
                    stack.append('brace')
                elif c == '}':
                    if stack and stack[-1] == 'tmpl':
                        stack.pop()
                        i = template_from(i)
                        kind = 'tmpl'
                    elif stack:
                        stack.pop()
        tok = Tok(kind, start, i, src[start:i])
        toks.append(tok)
        if kind != 'comment':
            prev = tok
    return toks


def sig(toks: list[Tok]) -> list[Tok]:
    return [t for t in toks if t.kind not in ('ws', 'comment')]


def str_value(tok: Tok) -> str:
    return tok.text[1:-1]


# --------------------------------------------------------------------------------------------------
# Files as top-level statements
# --------------------------------------------------------------------------------------------------


@dataclass
class ImportName:
    name: str  # the imported name
    local: str  # the local name (differs with `as`)
    type_only: bool


@dataclass
class Stmt:
    text: str  # with its leading whitespace and comments
    kind: str  # import | export-from | decl | other
    names: list[str] = field(default_factory=list)  # declared names
    exported: bool = False
    decl_kind: str = ''  # const, function, interface, type, class, enum...
    # imports / export-from
    spec: str | None = None
    imported: list[ImportName] = field(default_factory=list)
    opaque: bool = False  # default or namespace import: kept verbatim
    side_effect: bool = False
    export_star: bool = False
    origin: str = ''  # old path (relative to LIB) of the file it came from


def split_statements(src: str, where: str) -> list[Stmt]:
    toks = tokenize(src, where)
    stmts: list[Stmt] = []
    depth = 0
    seg_start = 0
    idx = 0
    while idx < len(toks):
        t = toks[idx]
        if t.kind in ('ws', 'comment'):
            idx += 1
            continue
        end_here = False
        if t.kind == 'punct':
            if t.text in '([{':
                depth += 1
            elif t.text in ')]}':
                depth -= 1
                if depth == 0 and t.text == '}':
                    rest = src[t.end : (src.find('\n', t.end) if '\n' in src[t.end :] else len(src))]
                    rest_sig = sig(tokenize(rest, where)) if rest.strip() else []
                    if not rest_sig:
                        end_here = True
            elif t.text == ';' and depth == 0:
                end_here = True
        if end_here:
            stmts.append(make_stmt(src[seg_start : t.end], where))
            seg_start = t.end
        idx += 1
    tail = src[seg_start:]
    if sig(tokenize(tail, where)):
        fail(f'{where}: cannot split the end of the file into statements: {tail.strip()[:80]!r}')
    if tail.strip():
        stmts.append(Stmt(text=tail, kind='other'))  # trailing comments
    return stmts


DECL_WORDS = {'const', 'let', 'var', 'function', 'class', 'interface', 'type', 'enum', 'namespace'}


def make_stmt(text: str, where: str) -> Stmt:
    s = sig(tokenize(text, where))
    words = [t.text for t in s]
    if words[0] == 'import':
        return parse_import(text, s, where)
    if words[0] == 'export' and len(words) > 1 and words[1] in ('*', '{'):
        st = Stmt(text=text, kind='export-from')
        if words[1] == '*':
            st.export_star = True
            st.spec = str_value(s[-2]) if s[-1].text == ';' else str_value(s[-1])
        else:
            if 'from' in words:
                st.spec = str_value(s[words.index('from') + 1])
                close = words.index('}')
                st.imported = parse_named(s[2:close])
            else:
                st.kind = 'other'
        return st
    i = 0
    exported = False
    if words[i] == 'export':
        exported = True
        i += 1
    while i < len(words) and words[i] in ('declare', 'abstract', 'async', 'default'):
        i += 1
    if i < len(words) and words[i] in DECL_WORDS:
        kind = words[i]
        name = words[i + 1] if i + 1 < len(words) else ''
        if kind in ('const', 'let', 'var') and name in ('{', '['):
            fail(f'{where}: destructuring declaration not supported: {text.strip()[:80]!r}')
        return Stmt(text=text, kind='decl', names=[name], exported=exported, decl_kind=kind)
    return Stmt(text=text, kind='other')


def parse_named(toks: list[Tok]) -> list[ImportName]:
    out: list[ImportName] = []
    piece: list[str] = []
    for t in toks + [Tok('punct', 0, 0, ',')]:
        if t.text == ',':
            if piece:
                type_only = piece[0] == 'type' and len(piece) > 1 and piece[1] != 'as'
                if type_only:
                    piece = piece[1:]
                name = piece[0]
                local = piece[2] if len(piece) >= 3 and piece[1] == 'as' else name
                out.append(ImportName(name, local, type_only))
            piece = []
        else:
            piece.append(t.text)
    return out


def parse_import(text: str, s: list[Tok], where: str) -> Stmt:
    st = Stmt(text=text, kind='import')
    words = [t.text for t in s]
    if s[1].kind == 'str':
        st.side_effect = True
        st.spec = str_value(s[1])
        return st
    if 'from' not in words:
        fail(f'{where}: cannot read import {text.strip()[:80]!r}')
    st.spec = str_value(s[words.index('from') + 1])
    i = 1
    stmt_type = False
    if words[1] == 'type' and words[2] != 'from' and words[2] != ',':
        stmt_type = True
        i = 2
    if words[i] == '{':
        close = words.index('}', i)
        st.imported = parse_named(s[i + 1 : close])
        if stmt_type:
            for n in st.imported:
                n.type_only = True
        if words[close + 1] != 'from':
            st.opaque = True
    else:
        st.opaque = True
    return st


def references(text: str) -> list[str]:
    """Identifiers a statement refers to (not property keys, not members after a dot)."""
    toks = sig(tokenize(text))
    out = []
    brackets: list[str] = []
    for k, t in enumerate(toks):
        if t.kind == 'punct':
            if t.text in '([{':
                brackets.append(t.text)
            elif t.text in ')]}' and brackets:
                brackets.pop()
            continue
        if t.kind != 'id':
            continue
        prev = toks[k - 1] if k else None
        if prev is not None and prev.kind == 'punct' and prev.text in ('.', '?.'):
            continue
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        nxt2 = toks[k + 2] if k + 2 < len(toks) else None
        in_braces = bool(brackets) and brackets[-1] == '{'
        if in_braces and nxt is not None and (nxt.text == ':' or (nxt.text == '?' and nxt2 is not None and nxt2.text == ':')):
            continue
        out.append(t.text)
    return out


# --------------------------------------------------------------------------------------------------
# Subjects objects: `export const X = { key: rpc<...>('subject'), ... } as const;`
# --------------------------------------------------------------------------------------------------


@dataclass
class Entry:
    text: str  # leading whitespace/comments + `key: value` (no comma)
    key: str
    subject: str


@dataclass
class SubjectsObject:
    head: str  # up to and including `{`
    entries: list[Entry]
    trailer: str  # whitespace/comments before `}`
    tail: str  # from `}` on
    doc: str  # the comment lines before `export const`


def parse_object(stmt: Stmt, where: str) -> SubjectsObject:
    text = stmt.text
    toks = tokenize(text, where)
    s = sig(toks)
    words = [t.text for t in s]
    if words[:2] != ['export', 'const'] or words[3:5] != ['=', '{']:
        fail(f'{where}: {stmt.names[0]} is not `export const {stmt.names[0]} = {{ ... }}`')
    open_tok = s[4]
    depth = 0
    close_tok = None
    for t in s[4:]:
        if t.kind == 'punct' and t.text in '([{':
            depth += 1
        elif t.kind == 'punct' and t.text in ')]}':
            depth -= 1
            if depth == 0:
                close_tok = t
                break
    assert close_tok is not None
    inner_start, inner_end = open_tok.end, close_tok.start
    entries: list[Entry] = []
    depth = 0
    angle = 0
    piece_start = inner_start
    inner_toks = [t for t in toks if t.start >= inner_start and t.end <= inner_end]

    def finish(end: int) -> None:
        piece = text[piece_start:end]
        ps = sig(tokenize(piece, where))
        if not ps:
            return
        if len(ps) < 3 or ps[1].text != ':' or ps[0].kind not in ('id', 'str'):
            fail(f'{where}: cannot read an entry of {stmt.names[0]}: {piece.strip()[:80]!r}')
        strs = [t for t in ps if t.kind == 'str']
        if not strs:
            fail(f'{where}: entry {ps[0].text} of {stmt.names[0]} has no subject string')
        key = ps[0].text if ps[0].kind == 'id' else str_value(ps[0])
        entries.append(Entry(piece, key, str_value(strs[-1])))

    for t in inner_toks:
        if t.kind != 'punct':
            continue
        if t.text in '([{':
            depth += 1
        elif t.text in ')]}':
            depth -= 1
        elif t.text == '<':
            angle += 1
        elif t.text == '>' and angle:
            angle -= 1
        elif t.text == ',' and depth == 0 and angle == 0:
            finish(t.start)
            piece_start = t.end
    rest = text[piece_start:inner_end]
    if sig(tokenize(rest, where)):
        finish(inner_end)
        trailer = ''
    else:
        trailer = rest
    export_tok = s[0]
    return SubjectsObject(
        head=text[: open_tok.end],
        entries=entries,
        trailer=trailer,
        tail=text[close_tok.start :],
        doc=text[: export_tok.start],
    )


def render_object(obj: SubjectsObject) -> str:
    body = ''.join(e.text + ',' for e in obj.entries)
    trailer = obj.trailer if obj.trailer.strip() else '\n'
    return obj.head + body + trailer + obj.tail


def rename_entry(entry: Entry, new_key: str) -> Entry:
    toks = tokenize(entry.text)
    first = sig(toks)[0]
    return Entry(entry.text[: first.start] + new_key + entry.text[first.end :], new_key, entry.subject)


def as_line_comment(doc: str) -> str:
    """A JSDoc block of a dissolved object, as `//` lines inside its new home."""
    text = doc.strip()
    if not text:
        return ''
    text = re.sub(r'^/\*\*?|\*/$', '', text).strip()
    lines = [re.sub(r'^\s*\*\s?', '', line).rstrip() for line in text.splitlines()]
    return ''.join(f'\n  // {line}' if line else '\n  //' for line in lines)


# --------------------------------------------------------------------------------------------------
# The library, in memory
# --------------------------------------------------------------------------------------------------


@dataclass
class LibFile:
    path: str  # old path, relative to LIB
    stmts: list[Stmt]


def rel_spec(from_file: str, to_file: str) -> str:
    spec = posixpath.relpath(to_file, posixpath.dirname(from_file) or '.')
    spec = re.sub(r'\.tsx?$', '', spec)
    return spec if spec.startswith('.') else './' + spec


def resolve_spec(from_file: str, spec: str, existing: set[str]) -> str | None:
    base = posixpath.normpath(posixpath.join(posixpath.dirname(from_file), spec))
    for cand in (base + '.ts', base + '.tsx', base + '/index.ts', base):
        if cand in existing:
            return cand
    return None


def declared(stmts: list[Stmt]) -> dict[str, Stmt]:
    return {n: s for s in stmts if s.kind == 'decl' for n in s.names}


def exported_names(stmts: list[Stmt]) -> set[str]:
    out = {n for s in stmts if s.kind == 'decl' and s.exported for n in s.names}
    for s in stmts:
        if s.kind == 'export-from' and not s.export_star:
            out |= {i.local for i in s.imported}
    return out


class Plan:
    def __init__(self, root: str, allow_unplanned: bool):
        self.root = root
        self.lib_dir = os.path.join(root, LIB)
        if not os.path.isdir(self.lib_dir):
            fail(f'{LIB} is missing: run this from the repository (cwd {os.getcwd()})')
        self.allow_unplanned = allow_unplanned
        self.notes: list[str] = []
        self.warnings: list[str] = []
        self.old: dict[str, LibFile] = {}
        for dirpath, dirnames, filenames in os.walk(self.lib_dir):
            dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
            for f in filenames:
                if f.endswith('.ts'):
                    p = posixpath.relpath(os.path.join(dirpath, f), self.lib_dir).replace(os.sep, '/')
                    with open(os.path.join(dirpath, f), encoding='utf-8') as fh:
                        self.old[p] = LibFile(p, split_statements(fh.read(), f'{LIB}/{p}'))
        self.raw = {p: self.read(p) for p in self.old}

    def read(self, p: str) -> str:
        with open(os.path.join(self.lib_dir, p), encoding='utf-8') as fh:
            return fh.read()

    # ---- step 1: where each file goes -------------------------------------------------------------
    def file_targets(self) -> dict[str, str]:
        """Old path -> new path for every file of the lib (merged files -> their destination)."""
        target: dict[str, str] = {}
        placed = set(FILE_MOVES.values()) | set(FILE_MERGES.values())
        missing = []
        for old, new in list(FILE_MOVES.items()) + list(FILE_MERGES.items()):
            if old in self.old and new in self.old and old not in FILE_MERGES:
                fail(f'both {LIB}/{old} and {LIB}/{new} exist: move by hand or remove one, then run again')
            if old not in self.old and new not in self.old:
                missing.append(f'{LIB}/{old} (or its new place {LIB}/{new})')
        if missing:
            fail('expected files are missing:\n  ' + '\n  '.join(missing))
        unplanned = []
        for p in sorted(self.old):
            if p in FILE_MOVES:
                target[p] = FILE_MOVES[p]
            elif p in FILE_MERGES:
                target[p] = FILE_MERGES[p]
            elif p == 'index.ts' or p in placed or p.split('/')[0] in SERVICE_DIRS:
                target[p] = p
            else:
                for folder, new_folder in FOLDER_MOVES.items():
                    if p.startswith(folder):
                        target[p] = new_folder + p[len(folder) :]
                        break
                else:
                    m = re.match(r'^(.*?)\.(spec|integration-spec|bench)\.ts$', p)
                    word = re.split(r'[-._]', p.split('/')[-1])[0]
                    if m and m.group(1) + '.ts' in FILE_MOVES:
                        base = FILE_MOVES[m.group(1) + '.ts']
                        target[p] = base[: -len('.ts')] + f'.{m.group(2)}.ts'
                    elif word in PREFIX_HOMES and (p.count('/') == 0 or p.startswith('dto/')):
                        target[p] = PREFIX_HOMES[word] + p.split('/')[-1]
                        self.warnings.append(f'{LIB}/{p} is not in the plan: placed by its name in {LIB}/{target[p]}')
                    else:
                        unplanned.append(p)
                        target[p] = p
        if unplanned:
            msg = 'files with no place in the plan: ' + ', '.join(f'{LIB}/{p}' for p in unplanned)
            if not self.allow_unplanned:
                fail(
                    msg
                    + '\n  add each to FILE_MOVES (or FOLDER_MOVES) at the top of this script and run again,'
                    + ' or pass --allow-unplanned to leave them where they are (their imports are still fixed)'
                )
            self.warnings.append(msg + ' (left in place)')
        news = {}
        for old, new in target.items():
            if old in FILE_MERGES:
                continue
            if new in news and news[new] != old:
                fail(f'{LIB}/{old} and {LIB}/{news[new]} would both become {LIB}/{new}')
            news[new] = old
        for old, new in FILE_MERGES.items():
            if old in self.old and new not in news:
                fail(f'{LIB}/{old} merges into {LIB}/{new}, which will not exist')
        return target

    # ---- steps 1 and 2 in memory ------------------------------------------------------------------
    def build(self) -> None:
        self.target = self.file_targets()
        # new path -> list of (stmt, origin old path); imports are recomputed afterwards
        self.new: dict[str, list[Stmt]] = {}
        self.changed: set[str] = set()  # new paths whose declarations changed (imports recomputed)
        self.moved: dict[str, str] = {o: n for o, n in self.target.items() if o != n and o not in FILE_MERGES}
        self.removed = [o for o in self.target if o in FILE_MERGES]
        self.decl_home: dict[tuple[str, str], str] = {}  # (old path, name) -> new path
        for old, new in self.target.items():
            if old in FILE_MERGES:
                continue
            body = []
            for s in self.old[old].stmts:
                s.origin = old
                body.append(s)
            self.new[new] = body
        for old, new in FILE_MERGES.items():
            if old not in self.old:
                continue
            incoming = [s for s in self.old[old].stmts if s.kind not in ('import',)]
            for s in self.old[old].stmts:
                s.origin = old
            self.insert_before_subjects(new, [s for s in incoming if s.kind != 'export-from'])
            self.changed.add(new)
            self.notes.append(f'merge {LIB}/{old} into {LIB}/{new}')
        self.key_map: dict[tuple[str, str], tuple[str, str]] = {}
        self.extra_refs: dict[str, list[tuple[str, list[str]]]] = {}  # new path -> (origin, refs) of moved subjects
        self.renamed: list[str] = []
        self.apply_object_moves()
        for path in self.new:
            for s in self.new[path]:
                for n in s.names if s.kind == 'decl' else []:
                    self.decl_home[(s.origin, n)] = path

    def find_decl(self, name: str) -> tuple[str, int] | None:
        hits = [(p, i) for p, stmts in self.new.items() for i, s in enumerate(stmts) if s.kind == 'decl' and name in s.names]
        if len(hits) > 1:
            fail(f'{name} is declared in more than one file: ' + ', '.join(f'{LIB}/{p}' for p, _ in hits))
        return hits[0] if hits else None

    def insert_before_subjects(self, path: str, stmts: list[Stmt]) -> None:
        if not stmts:
            return
        body = self.new[path]
        at = next(
            (
                i
                for i, s in enumerate(body)
                if s.kind == 'decl' and SUBJECTS_OBJECT.match(s.names[0]) and s.names[0] not in OLD_NAMES
            ),
            len(body) if not body or body[-1].kind != 'other' else len(body) - 1,
        )
        stmts = list(stmts)
        stmts[0] = Stmt(**{**stmts[0].__dict__, 'text': '\n\n' + stmts[0].text.lstrip('\n')})
        if at < len(body):
            nxt = body[at]
            body[at] = Stmt(**{**nxt.__dict__, 'text': '\n\n' + nxt.text.lstrip('\n')})
        body[at:at] = stmts

    def apply_object_moves(self) -> None:
        # (source object, list of (entry, target object, prefix, rename_all))
        plans: list[tuple[str, SubjectsObject, str, list[tuple[Entry, str, str, bool]]]] = []
        for src, dst, prefix, rename_all in OBJECT_MERGES:
            hit = self.find_decl(src)
            if hit is None:
                if self.find_decl(dst) is None:
                    fail(f'neither {src} nor {dst} is declared in {LIB}: nothing to merge {src} into')
                continue
            path, i = hit
            obj = parse_object(self.new[path][i], f'{LIB}/{path}')
            plans.append((src, obj, path, [(e, dst, prefix, rename_all) for e in obj.entries]))
        for src, by_segment, prefix in OBJECT_SPLITS:
            hit = self.find_decl(src)
            if hit is None:
                for dst in by_segment.values():
                    if self.find_decl(dst) is None:
                        fail(f'neither {src} nor {dst} is declared in {LIB}')
                continue
            path, i = hit
            obj = parse_object(self.new[path][i], f'{LIB}/{path}')
            moves = []
            for e in obj.entries:
                segment = e.subject.split('.')[0]
                if segment not in by_segment:
                    fail(
                        f'{src}.{e.key} has subject {e.subject!r}: no owning service for {segment!r} '
                        f'(add it to OBJECT_SPLITS at the top of this script)'
                    )
                moves.append((e, by_segment[segment], prefix, False))
            plans.append((src, obj, path, moves))
        if not plans and all(
            (hit := self.find_decl(n)) is None or hit[0] == dest for n, dest in DECLARATION_MOVES.items()
        ):
            return

        # destination of every entry and of the dissolved objects' neighbours
        dest_of_object: dict[str, tuple[str, int]] = {}
        for _, _, _, moves in plans:
            for _, dst, _, _ in moves:
                hit = self.find_decl(dst)
                if hit is None:
                    fail(f'{dst} is not declared in {LIB}: cannot move subjects into it')
                dest_of_object[dst] = hit
        dissolved = {src for src, _, _, _ in plans}

        # placement of declarations: explicit, then by their users within the same file
        placement: dict[tuple[str, str], str] = {}  # (file, decl name) -> file
        for name, dest in DECLARATION_MOVES.items():
            hit = self.find_decl(name)
            if hit is None:
                fail(f'{name} is not declared in {LIB} (DECLARATION_MOVES expects it)')
            if dest not in self.new:
                fail(f'{LIB}/{dest} does not exist: cannot move {name} there')
            placement[(hit[0], name)] = dest
        sources = {path for _, _, path, _ in plans} | {p for p, _ in placement}
        for path in sorted(sources):
            body = self.new[path]
            items: list[tuple[str, list[str], str | None]] = []  # (decl name or '', refs, dest)
            for s in body:
                if s.kind != 'decl':
                    continue
                n = s.names[0]
                if n in dissolved:
                    for src, obj, p, moves in plans:
                        if src == n and p == path:
                            for e, dst, _, _ in moves:
                                items.append(('', references(e.text), dest_of_object[dst][0]))
                    continue
                fixed = placement.get((path, n))
                if fixed is None and SUBJECTS_OBJECT.match(n):
                    fixed = path
                items.append((n, references(s.text), fixed))
            dest = {n: d for n, _, d in items if n and d}
            undecided = {n for n, _, d in items if n and not d}
            progress = True
            while progress:
                progress = False
                for n in sorted(undecided):
                    users = [(m, d) for m, refs, d in items if n in refs and m != n]
                    if not users:
                        continue
                    dests = {dest.get(m) if m else d for m, d in users}
                    if None in dests:
                        continue
                    dest[n] = dests.pop() if len(dests) == 1 else path
                    undecided.discard(n)
                    progress = True
            for n in undecided:
                dest[n] = path
            for n, d in dest.items():
                if d != path:
                    placement[(path, n)] = d

        # move declarations
        outgoing = sorted({path for (path, _), d in placement.items() if d != path})
        for path in outgoing:
            keep, out_by_dest = [], {}
            for s in self.new[path]:
                d = placement.get((path, s.names[0])) if s.kind == 'decl' else None
                if d and d != path:
                    out_by_dest.setdefault(d, []).append(s)
                else:
                    keep.append(s)
            self.new[path] = keep
            self.changed.add(path)
            for d, stmts in out_by_dest.items():
                self.insert_before_subjects(d, stmts)
                self.changed.add(d)
                self.notes.append(
                    f'move {", ".join(s.names[0] for s in stmts)} from {LIB}/{path} to {LIB}/{d}'
                )

        # move entries into their target objects
        for src, obj, _, moves in plans:
            src_origin = next(
                s.origin for stmts in self.new.values() for s in stmts if s.kind == 'decl' and s.names[0] == src
            )
            path = next(p for p, stmts in self.new.items() if any(s.kind == 'decl' and s.names[0] == src for s in stmts))
            by_dst: dict[str, list[tuple[Entry, str, bool]]] = {}
            for e, dst, prefix, rename_all in moves:
                by_dst.setdefault(dst, []).append((e, prefix, rename_all))
            for dst, entries in by_dst.items():
                dpath, di = self.find_decl(dst)
                target_stmt = self.new[dpath][di]
                tobj = parse_object(target_stmt, f'{LIB}/{dpath}')
                keys = {e.key for e in tobj.entries}
                added = []
                for e, prefix, rename_all in entries:
                    key = e.key
                    if rename_all or key in keys:
                        key = prefix + key[0].upper() + key[1:]
                        if not rename_all:
                            self.renamed.append(f'{src}.{e.key} -> {dst}.{key} (collided with {dst}.{e.key})')
                        if key in keys:
                            fail(f'{src}.{e.key} collides with {dst}.{e.key}, and so does its new name {dst}.{key}')
                        e = rename_entry(e, key)
                    keys.add(key)
                    added.append(e)
                for (e0, _, _), e1 in zip(entries, added):
                    self.key_map[(src, e0.key)] = (dst, e1.key)
                    self.extra_refs.setdefault(dpath, []).append((src_origin, references(e1.text)))
                main_dst = max(by_dst, key=lambda d: len(by_dst[d]))
                comment = as_line_comment(obj.doc) if dst == main_dst else ''
                if added and comment:
                    added[0] = Entry(comment + added[0].text, added[0].key, added[0].subject)
                tobj.entries.extend(added)
                self.new[dpath][di] = Stmt(**{**target_stmt.__dict__, 'text': render_object(tobj)})
                self.changed.add(dpath)
                self.notes.append(f'move {len(added)} subjects of {src} into {dst} ({LIB}/{dpath})')
            self.new[path] = [s for s in self.new[path] if not (s.kind == 'decl' and s.names[0] == src)]
            self.changed.add(path)

    # ---- imports ----------------------------------------------------------------------------------
    def locate(self, old_file: str, name: str) -> str | None:
        return self.decl_home.get((old_file, name))

    def render(self) -> dict[str, str]:
        """New path -> text, for the files that move or change."""
        out: dict[str, str] = {}
        old_paths = set(self.old)
        for path, stmts in self.new.items():
            origins = [s.origin for s in stmts if s.origin]
            primary = next((o for o, n in self.target.items() if n == path and o not in FILE_MERGES), None)
            moved = primary is not None and primary != path
            if path not in self.changed and not moved and not self.imports_move(primary, old_paths):
                continue
            prune = path in self.changed
            local = set(declared(stmts))
            imports = self.compute_imports(path, stmts, primary, prune, old_paths, local)
            body = ''.join(s.text for s in stmts if s.kind not in ('import', 'export-from')).lstrip('\n')
            # comments before the first import (a file header) stay at the top
            first = self.old[primary].stmts[0] if primary and self.old[primary].stmts else None
            header = ''
            if first is not None and first.kind in ('import', 'export-from'):
                lead = first.text[: sig(tokenize(first.text))[0].start]
                header = lead.strip() + '\n' if lead.strip() else ''
            text = header + (imports + '\n' if imports else '') + body
            out[path] = text.rstrip('\n') + '\n'
        return out

    def imports_move(self, old_file: str | None, old_paths: set[str]) -> bool:
        """Whether a file that stays put imports or re-exports something that moves."""
        if old_file is None:
            return False
        for s in self.old[old_file].stmts:
            if s.kind not in ('import', 'export-from') or not s.spec or not s.spec.startswith('.'):
                continue
            tgt = resolve_spec(old_file, s.spec, old_paths)
            if tgt is None or self.target.get(tgt) != tgt:
                return True
            if any(self.locate(tgt, i.name) != tgt for i in s.imported):
                return True
        return False

    def compute_imports(self, path, stmts, primary, prune, old_paths, local) -> str:
        # ordered origins: the file's own first, then the merged-in ones
        origins: list[str] = []
        for o in ([primary] if primary else []) + [s.origin for s in stmts]:
            if o and o not in origins:
                origins.append(o)
        used: dict[str, set[str]] = {}
        extra = self.extra_refs.get(path, [])
        if prune:
            for s in stmts:
                if s.kind in ('decl', 'other'):
                    used.setdefault(s.origin, set()).update(references(s.text))
            for o, refs in extra:
                used.setdefault(o, set()).update(refs)
                if o not in origins:
                    origins.append(o)
        lines: list[str] = []
        groups: dict[tuple[str, bool], list[str]] = {}
        order: list[tuple[str, bool] | str] = []  # group keys, and verbatim lines in their place
        exports: list[str] = []

        def add(spec: str, type_only: bool, name: str) -> None:
            key = (spec, type_only)
            if key not in groups:
                groups[key] = []
                order.append(key)
            if name not in groups[key]:
                groups[key].append(name)

        for o in origins:
            for s in self.old[o].stmts:
                if s.kind == 'import':
                    rel = s.spec.startswith('.')
                    tgt = resolve_spec(o, s.spec, old_paths) if rel else None
                    if rel and tgt is None:
                        fail(f'{LIB}/{o}: cannot resolve import {s.spec!r}')
                    if s.side_effect:
                        spec = rel_spec(path, self.target[tgt]) if rel else s.spec
                        line = f"import '{spec}';"
                        if line not in order:
                            order.append(line)
                        continue
                    if s.opaque:
                        if rel:
                            fail(f'{LIB}/{o}: default or namespace import from {s.spec!r} is not supported')
                        if not prune or any(i.local in used.get(o, ()) for i in s.imported) or not s.imported:
                            order.append(s.text[sig(tokenize(s.text))[0].start :].strip())
                        continue
                    for i in s.imported:
                        if i.name != i.local:
                            fail(f'{LIB}/{o}: aliased import {i.name} as {i.local} is not supported')
                        if prune and i.local not in used.get(o, set()):
                            continue
                        if i.local in local:
                            continue
                        if rel:
                            home = self.locate(tgt, i.name)
                            if home is None:
                                fail(f'{LIB}/{o} imports {i.name} from {s.spec!r}, which does not declare it')
                            if home == path:
                                continue
                            add(rel_spec(path, home), i.type_only, i.name)
                        else:
                            add(s.spec, i.type_only, i.name)
                elif s.kind == 'export-from' and o == primary:
                    tgt = resolve_spec(o, s.spec, old_paths)
                    if tgt is None:
                        fail(f'{LIB}/{o}: cannot resolve export {s.spec!r}')
                    if s.export_star:
                        line = f"export * from '{rel_spec(path, self.target[tgt])}';"
                    else:
                        homes = {self.locate(tgt, i.name) for i in s.imported}
                        if len(homes) != 1 or None in homes:
                            fail(f'{LIB}/{o}: cannot place the re-export {s.text.strip()!r}')
                        line = s.text.strip().replace(f"'{s.spec}'", f"'{rel_spec(path, homes.pop())}'")
                    if line not in exports:
                        exports.append(line)
        # names a moved declaration needs from the file it left
        if prune:
            for o, refs in [(s.origin, references(s.text)) for s in stmts if s.kind == 'decl' and s.origin] + extra:
                origin_decls = declared(self.old[o].stmts)
                for n in refs:
                    if n in local or n not in origin_decls:
                        continue
                    home = self.locate(o, n)
                    if home is None or home == path:
                        continue
                    if not origin_decls[n].exported:
                        fail(f'{n} is not exported from {LIB}/{o} but {LIB}/{path} needs it now')
                    add(rel_spec(path, home), origin_decls[n].decl_kind in ('interface', 'type'), n)
        for item in order:
            if isinstance(item, str):
                lines.append(item)
                continue
            spec, type_only = item
            names = groups[(spec, type_only)]
            lines.append(f"import {'type ' if type_only else ''}{{ {', '.join(names)} }} from '{spec}';")
        head = '\n'.join(lines)
        if exports:
            head = (head + '\n' if head else '') + '\n'.join(exports)
        return head + '\n' if head else ''


# --------------------------------------------------------------------------------------------------
# Checks on the library before anything is written
# --------------------------------------------------------------------------------------------------


def public_names(files: dict[str, list[Stmt]], index: str = 'index.ts') -> set[str]:
    names: set[str] = set()
    existing = set(files)
    for s in files[index]:
        if s.kind == 'export-from':
            tgt = resolve_spec(index, s.spec, existing)
            if tgt is None:
                fail(f'{LIB}/index.ts exports {s.spec!r}, which does not exist')
            names |= exported_names(files[tgt]) if s.export_star else {i.local for i in s.imported}
        elif s.kind == 'decl' and s.exported:
            names |= set(s.names)
    return names


def subjects(files: dict[str, list[Stmt]]) -> dict[tuple[str, str], str]:
    out = {}
    for p, stmts in files.items():
        for s in stmts:
            if s.kind == 'decl' and s.decl_kind == 'const' and SUBJECTS_OBJECT.match(s.names[0]):
                obj = parse_object(s, f'{LIB}/{p}')
                keys = [e.key for e in obj.entries]
                dup = {k for k in keys if keys.count(k) > 1}
                if dup:
                    fail(f'{s.names[0]} has duplicate keys: {", ".join(sorted(dup))}')
                for e in obj.entries:
                    out[(s.names[0], e.key)] = e.subject
    return out


# --------------------------------------------------------------------------------------------------
# Step 3: uses of the old names across the repository
# --------------------------------------------------------------------------------------------------


def sort_like(original: list[str], result: list[str]) -> list[str]:
    def bare(n: str) -> str:
        return n[5:] if n.startswith('type ') else n

    names = [bare(n) for n in original]
    if names == sorted(names, key=lambda n: (n.lower(), n)):
        return sorted(result, key=lambda n: (bare(n).lower(), bare(n)))
    if names == sorted(names):
        return sorted(result, key=bare)
    return result


def rewrite_usage(path: str, src: str, mapping: dict[str, dict[str, tuple[str, str]]], errors: list[str]) -> str | None:
    if not any(re.search(rf'\b{n}\b', src) for n in mapping):
        return None
    toks = tokenize(src, path)
    s = sig(toks)
    # the old names this file imports from the barrel
    imported: dict[str, list[tuple[int, int]]] = {}  # name -> brace spans
    spans: list[tuple[int, int, list[str]]] = []  # (start of '{', end of '}', pieces)
    for k, t in enumerate(s):
        if t.kind != 'id' or t.text not in ('import', 'export') or (k and s[k - 1].text in ('.', '?.')):
            continue
        j = k + 1
        if j < len(s) and s[j].text == 'type':
            j += 1
        if j >= len(s) or s[j].text != '{':
            continue
        close = j
        while close < len(s) and s[close].text != '}':
            close += 1
        if close + 2 >= len(s) or s[close + 1].text != 'from' or s[close + 2].kind != 'str':
            continue
        if str_value(s[close + 2]) != BARREL:
            continue
        named = parse_named(s[j + 1 : close])
        for i in named:
            if i.name in mapping:
                if i.local != i.name:
                    errors.append(f'{path}: {i.name} is imported as {i.local}: rewrite by hand')
                imported.setdefault(i.name, [])
        pieces = [('type ' if i.type_only else '') + (i.name if i.name == i.local else f'{i.name} as {i.local}') for i in named]
        spans.append((s[j].start, s[close].end, pieces))
    if not imported:
        return None
    edits: list[tuple[int, int, str]] = []
    needed: dict[str, set[str]] = {n: set() for n in imported}
    in_import = [(a, b) for a, b, _ in spans]
    for k, t in enumerate(s):
        if t.kind != 'id' or t.text not in imported:
            continue
        if any(a <= t.start < b for a, b in in_import):
            continue
        if k and s[k - 1].text in ('.', '?.'):
            continue
        line = src.count('\n', 0, t.start) + 1
        if k + 2 < len(s) and s[k + 1].text == '.' and s[k + 2].kind == 'id':
            key = s[k + 2].text
            if key not in mapping[t.text]:
                errors.append(f'{path}:{line}: {t.text}.{key} has no new home (no such key)')
                continue
            obj, new_key = mapping[t.text][key]
            edits.append((t.start, s[k + 2].end, f'{obj}.{new_key}'))
            needed[t.text].add(obj)
        else:
            errors.append(f'{path}:{line}: {t.text} is used whole, not as {t.text}.<key>: rewrite by hand')
    # comments naming old subjects
    for t in toks:
        if t.kind == 'comment':

            def repl(m: re.Match) -> str:
                hit = mapping.get(m.group(1), {}).get(m.group(2))
                return f'{hit[0]}.{hit[1]}' if hit else m.group(0)

            new = re.sub(r'\b(' + '|'.join(map(re.escape, imported)) + r')\.(\w+)', repl, t.text)
            if new != t.text:
                edits.append((t.start, t.end, new))
    seen: set[str] = set()  # across the file's imports from the barrel: each name once
    for a, b, pieces in spans:
        result: list[str] = []
        for p in pieces:
            type_only = p.startswith('type ')
            name = p.removeprefix('type ')
            for r in sorted(needed[name]) if name in needed else [name]:
                if r in seen:
                    continue
                seen.add(r)
                result.append(('type ' if type_only else '') + r)
        result = sort_like(pieces, result)
        if result != pieces:
            edits.append((a, b, '{ ' + ', '.join(result) + ' }' if result else '{}'))
    if not edits:
        return None
    edits.sort()
    out = []
    pos = 0
    for a, b, text in edits:
        if a < pos:
            continue
        out.append(src[pos:a])
        out.append(text)
        pos = b
    out.append(src[pos:])
    return ''.join(out)


def usage_files(root: str) -> list[str]:
    out = []
    for top in USAGE_ROOTS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
            rel_dir = os.path.relpath(dirpath, root).replace(os.sep, '/')
            if rel_dir == LIB or rel_dir.startswith(LIB + '/'):
                continue
            for f in filenames:
                if f.endswith(('.ts', '.tsx')) and not f.endswith('.d.ts'):
                    out.append(f'{rel_dir}/{f}')
    return sorted(out)


def doc_mentions(root: str) -> list[str]:
    out = []
    pattern = re.compile(r'\b(' + '|'.join(OLD_NAMES) + r')\b')
    here = os.path.dirname(os.path.abspath(__file__))
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
        if os.path.abspath(dirpath) == here:
            continue  # this script's own README names them on purpose
        for f in filenames:
            if f.endswith('.md'):
                full = os.path.join(dirpath, f)
                with open(full, encoding='utf-8', errors='replace') as fh:
                    for n, line in enumerate(fh, 1):
                        if pattern.search(line):
                            out.append(f'{os.path.relpath(full, root)}:{n}')
    return out


def build_mapping(plan: Plan, new_subjects: dict[tuple[str, str], str]) -> dict[str, dict[str, tuple[str, str]]]:
    """Old object -> old key -> (new object, new key), from this run or, when done, from the rules."""
    mapping: dict[str, dict[str, tuple[str, str]]] = {n: {} for n in OLD_NAMES}
    for (src, key), dst in plan.key_map.items():
        mapping[src][key] = dst
    by_object: dict[str, set[str]] = {}
    for obj, key in new_subjects:
        by_object.setdefault(obj, set()).add(key)
    rules = [(src, [dst], prefix if all_ else '') for src, dst, prefix, all_ in OBJECT_MERGES]
    rules += [(src, list(by.values()), '') for src, by, _ in OBJECT_SPLITS]
    for src, dsts, prefix in rules:
        for dst in dsts:
            for key in by_object.get(dst, ()):
                old_key = key
                if prefix:
                    if not key.startswith(prefix):
                        continue
                    old_key = key[len(prefix)].lower() + key[len(prefix) + 1 :]
                mapping[src].setdefault(old_key, (dst, key))
    return mapping


# --------------------------------------------------------------------------------------------------


def git(root: str, *args: str) -> None:
    subprocess.run(['git', '-C', root, *args], check=True)


def tracked(root: str, path: str) -> bool:
    return (
        subprocess.run(
            ['git', '-C', root, 'ls-files', '--error-unmatch', path], capture_output=True, text=True
        ).returncode
        == 0
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--dry-run', action='store_true', help='print what would change, write nothing')
    ap.add_argument('--allow-unplanned', action='store_true', help='leave lib files with no place where they are')
    ap.add_argument('--no-prettier', action='store_true', help='do not run prettier on the changed files')
    args = ap.parse_args()
    try:
        root = subprocess.run(['git', 'rev-parse', '--show-toplevel'], capture_output=True, text=True, check=True).stdout.strip()
    except (subprocess.CalledProcessError, FileNotFoundError):
        print('contracts-per-service: run it inside the repository (git rev-parse failed)', file=sys.stderr)
        return 1
    try:
        plan = Plan(root, args.allow_unplanned)
        old_files = {p: f.stmts for p, f in plan.old.items()}
        if 'index.ts' not in old_files:
            fail(f'{LIB}/index.ts is missing')
        plan.build()
        before_names = public_names(old_files)
        before_subjects = subjects(old_files)
        texts = plan.render()
        new_files = {p: split_statements(t, f'{LIB}/{p}') for p, t in texts.items()}
        for p, stmts in plan.new.items():
            new_files.setdefault(p, stmts)
        # checks
        after_names = public_names(new_files)
        gone = {n for n in OLD_NAMES if n in before_names}
        if after_names != before_names - gone:
            lost = sorted((before_names - gone) - after_names)
            extra = sorted(after_names - (before_names - gone))
            fail(f'the barrel would change: lost {lost or "nothing"}, gained {extra or "nothing"}')
        after_subjects = subjects(new_files)
        if sorted(before_subjects.values()) != sorted(after_subjects.values()):
            fail('the subject strings would change: ' + str(set(before_subjects.values()) ^ set(after_subjects.values())))
        for (obj, key), subject in before_subjects.items():
            if obj in OLD_NAMES:
                new = plan.key_map.get((obj, key))
                if new is None or after_subjects.get(new) != subject:
                    fail(f'{obj}.{key} ({subject}) did not land where planned: {new}')
        for p, stmts in new_files.items():
            for s in stmts:
                left = [n for n in references(s.text) if n in OLD_NAMES]
                if left:
                    fail(f'{LIB}/{p} still refers to {", ".join(sorted(set(left)))}')
        mapping = build_mapping(plan, after_subjects)
        usage_errors: list[str] = []
        usage: dict[str, str] = {}
        for rel in usage_files(root):
            with open(os.path.join(root, rel), encoding='utf-8') as fh:
                src = fh.read()
            new = rewrite_usage(rel, src, mapping, usage_errors)
            if new is not None and new != src:
                usage[rel] = new
        if usage_errors:
            fail('uses of the old names this script cannot rewrite:\n  ' + '\n  '.join(usage_errors))
        outside = []
        for rel in usage_files(root):
            with open(os.path.join(root, rel), encoding='utf-8') as fh:
                if re.search(r"contracts/src/|@ogp/contracts/", fh.read()):
                    outside.append(rel)
        if outside and (plan.moved or plan.removed):
            fail('files reach into the lib by path (only the barrel survives the move): ' + ', '.join(outside))
    except Failure as e:
        print(f'contracts-per-service: {e}', file=sys.stderr)
        print('contracts-per-service: nothing was changed.', file=sys.stderr)
        return 1

    docs = doc_mentions(root)
    for d in docs:
        plan.warnings.append(f'{d} names an old object (documentation is not rewritten: fix it by hand)')
    real_lib = {p: t for p, t in texts.items() if p not in plan.old or plan.raw.get(p) != t}
    if not plan.moved and not plan.removed and not real_lib and not usage:
        for w in plan.warnings:
            print(f'warning: {w}')
        print('contracts-per-service: nothing left to do (contracts are already one file per owning service, no use of '
              + ', '.join(OLD_NAMES) + ' remains).')
        return 0

    for note in plan.notes:
        print(note)
    for old, new in sorted(plan.moved.items()):
        print(f'git mv {LIB}/{old} {LIB}/{new}')
    for r in plan.renamed:
        print(f'renamed key: {r}')
    for w in plan.warnings:
        print(f'warning: {w}')
    print(f'{len(usage)} files outside the lib use the old names: ' + ', '.join(sorted(usage)))
    if args.dry_run:
        print('dry run: nothing written.')
        return 0

    # write: moves first (so that git sees renames), then the contents
    for old, new in sorted(plan.moved.items()):
        os.makedirs(os.path.dirname(os.path.join(plan.lib_dir, new)), exist_ok=True)
        if tracked(root, f'{LIB}/{old}'):
            git(root, 'mv', f'{LIB}/{old}', f'{LIB}/{new}')
        else:
            os.rename(os.path.join(plan.lib_dir, old), os.path.join(plan.lib_dir, new))
    for old in plan.removed:
        if tracked(root, f'{LIB}/{old}'):
            git(root, 'rm', '-q', '-f', f'{LIB}/{old}')
        else:
            os.remove(os.path.join(plan.lib_dir, old))
    written = []
    for p, t in texts.items():
        with open(os.path.join(plan.lib_dir, p), 'w', encoding='utf-8') as fh:
            fh.write(t)
        written.append(f'{LIB}/{p}')
    for rel, t in usage.items():
        with open(os.path.join(root, rel), 'w', encoding='utf-8') as fh:
            fh.write(t)
        written.append(rel)
    for dirpath, _, _ in sorted(os.walk(plan.lib_dir), reverse=True):
        if dirpath != plan.lib_dir and not os.listdir(dirpath):
            os.rmdir(dirpath)
    if written and not args.no_prettier:
        for k in range(0, len(written), 80):
            subprocess.run(['npx', 'prettier', '--write', '--log-level', 'warn', *written[k : k + 80]], cwd=root, check=True)
    print(
        f'contracts-per-service: done: {len(plan.moved)} files moved, {len(plan.removed)} merged, '
        f'{len(texts)} lib files and {len(usage)} files using them written '
        f'(prettier: {"skipped" if args.no_prettier else "run"}).'
    )
    print('next: npm run build, lint, the contracts and gateway specs (tools/codemods/README.md), then commit.')
    return 0


if __name__ == '__main__':
    sys.exit(main())
