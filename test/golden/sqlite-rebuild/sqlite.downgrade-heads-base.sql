-- sqlgen 0.1.0: downgrade heads -> base (sqlite)
-- Apply with: sqlite3 -bail <database> < <file>
-- Guarded: each revision first checks that the version table holds exactly the rows it expects, and stops the script, changing nothing, if not (then render a script from the revisions the database is at).

-- Table rebuilds below: foreign key checks off for this session, as SQLite's ALTER TABLE procedure requires.
PRAGMA foreign_keys = OFF;

-- Running downgrade bbbb0003 -> bbbb0002: prices get a default
BEGIN IMMEDIATE;
CREATE TEMP TABLE IF NOT EXISTS sqlgen_guard (expected TEXT NOT NULL, found TEXT NOT NULL);
CREATE TEMP TRIGGER IF NOT EXISTS sqlgen_guard_check BEFORE INSERT ON sqlgen_guard WHEN NEW.found IS NOT NEW.expected BEGIN SELECT RAISE(ABORT, 'sqlgen guard: the version table does not hold the rows this script expects (see the line above); nothing was changed'); END;
SELECT 'sqlgen guard: expected version rows [bbbb0003], found no version table' WHERE NOT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlgen_version');
SELECT 'sqlgen guard: expected version rows [bbbb0003], found [' || found || ']' FROM (SELECT coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM "sqlgen_version" ORDER BY version_num)), '') AS found) WHERE found IS NOT 'bbbb0003';
INSERT INTO sqlgen_guard (expected, found) SELECT 'bbbb0003', coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM "sqlgen_version" ORDER BY version_num)), '');
DROP VIEW "published_books";
CREATE TABLE `_sqlgen_rebuild_books` (
  `id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  `author_id` integer,
  `title` varchar(100) NOT NULL,
  `status` text NOT NULL CHECK (
    `status` IN ('draft', 'author''s cut', 'published')
  ) DEFAULT 'draft',
  `price` float,
  `editor_id` integer,
  FOREIGN KEY (`author_id`) REFERENCES `authors` (`id`) ON DELETE CASCADE,
  CONSTRAINT `books_editor_fk` FOREIGN KEY (`editor_id`) REFERENCES `authors` (`id`)
);
INSERT INTO
  "_sqlgen_rebuild_books"
SELECT
  *
FROM
  "books";
DROP TABLE "books";
ALTER TABLE "_sqlgen_rebuild_books"
RENAME TO "books";
CREATE INDEX `books_title` ON `books` (`title`);
CREATE UNIQUE INDEX `books_author_id_title_unique` ON `books` (`author_id`, `title`);
CREATE TRIGGER books_audit AFTER UPDATE ON books BEGIN INSERT INTO book_audit (book_id, change) VALUES (NEW.id, 'updated'); END;
CREATE VIEW `published_books` as SELECT title FROM books WHERE status = 'published';
PRAGMA foreign_key_check ("books");
UPDATE `sqlgen_version`
SET
  `version_num` = 'bbbb0002'
WHERE
  `version_num` = 'bbbb0003';
COMMIT;

-- Running downgrade bbbb0002 -> bbbb0001: widen author names, require titles, add editors
BEGIN IMMEDIATE;
CREATE TEMP TABLE IF NOT EXISTS sqlgen_guard (expected TEXT NOT NULL, found TEXT NOT NULL);
CREATE TEMP TRIGGER IF NOT EXISTS sqlgen_guard_check BEFORE INSERT ON sqlgen_guard WHEN NEW.found IS NOT NEW.expected BEGIN SELECT RAISE(ABORT, 'sqlgen guard: the version table does not hold the rows this script expects (see the line above); nothing was changed'); END;
SELECT 'sqlgen guard: expected version rows [bbbb0002], found no version table' WHERE NOT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlgen_version');
SELECT 'sqlgen guard: expected version rows [bbbb0002], found [' || found || ']' FROM (SELECT coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM "sqlgen_version" ORDER BY version_num)), '') AS found) WHERE found IS NOT 'bbbb0002';
INSERT INTO sqlgen_guard (expected, found) SELECT 'bbbb0002', coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM "sqlgen_version" ORDER BY version_num)), '');
DROP VIEW "published_books";
CREATE TABLE `_sqlgen_rebuild_books` (
  `id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  `author_id` integer,
  `title` varchar(100) NOT NULL,
  `status` text NOT NULL CHECK (
    `status` IN ('draft', 'author''s cut', 'published')
  ) DEFAULT 'draft',
  `price` float,
  `editor_id` integer,
  FOREIGN KEY (`author_id`) REFERENCES `authors` (`id`) ON DELETE CASCADE
);
INSERT INTO
  "_sqlgen_rebuild_books"
SELECT
  *
FROM
  "books";
DROP TABLE "books";
ALTER TABLE "_sqlgen_rebuild_books"
RENAME TO "books";
CREATE INDEX `books_title` ON `books` (`title`);
CREATE UNIQUE INDEX `books_author_id_title_unique` ON `books` (`author_id`, `title`);
CREATE TRIGGER books_audit AFTER UPDATE ON books BEGIN INSERT INTO book_audit (book_id, change) VALUES (NEW.id, 'updated'); END;
CREATE VIEW `published_books` as SELECT title FROM books WHERE status = 'published';
PRAGMA foreign_key_check ("books");
ALTER TABLE "books"
DROP COLUMN "editor_id";
DROP VIEW "published_books";
CREATE TABLE `_sqlgen_rebuild_books` (
  `id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  `author_id` integer,
  `title` varchar(100),
  `status` text NOT NULL CHECK (
    `status` IN ('draft', 'author''s cut', 'published')
  ) DEFAULT 'draft',
  `price` float,
  FOREIGN KEY (`author_id`) REFERENCES `authors` (`id`) ON DELETE CASCADE
);
INSERT INTO
  "_sqlgen_rebuild_books"
SELECT
  *
FROM
  "books";
DROP TABLE "books";
ALTER TABLE "_sqlgen_rebuild_books"
RENAME TO "books";
CREATE INDEX `books_title` ON `books` (`title`);
CREATE UNIQUE INDEX `books_author_id_title_unique` ON `books` (`author_id`, `title`);
CREATE TRIGGER books_audit AFTER UPDATE ON books BEGIN INSERT INTO book_audit (book_id, change) VALUES (NEW.id, 'updated'); END;
CREATE VIEW `published_books` as SELECT title FROM books WHERE status = 'published';
PRAGMA foreign_key_check ("books");
CREATE TABLE `_sqlgen_rebuild_authors` (
  `id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  `name` varchar(50) NOT NULL
);
INSERT INTO
  "_sqlgen_rebuild_authors"
SELECT
  *
FROM
  "authors";
DROP TABLE "authors";
ALTER TABLE "_sqlgen_rebuild_authors"
RENAME TO "authors";
PRAGMA foreign_key_check ("authors");
UPDATE `sqlgen_version`
SET
  `version_num` = 'bbbb0001'
WHERE
  `version_num` = 'bbbb0002';
COMMIT;

-- Running downgrade bbbb0001 -> <base>: authors and books, with a view and a trigger on books
BEGIN IMMEDIATE;
CREATE TEMP TABLE IF NOT EXISTS sqlgen_guard (expected TEXT NOT NULL, found TEXT NOT NULL);
CREATE TEMP TRIGGER IF NOT EXISTS sqlgen_guard_check BEFORE INSERT ON sqlgen_guard WHEN NEW.found IS NOT NEW.expected BEGIN SELECT RAISE(ABORT, 'sqlgen guard: the version table does not hold the rows this script expects (see the line above); nothing was changed'); END;
SELECT 'sqlgen guard: expected version rows [bbbb0001], found no version table' WHERE NOT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlgen_version');
SELECT 'sqlgen guard: expected version rows [bbbb0001], found [' || found || ']' FROM (SELECT coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM "sqlgen_version" ORDER BY version_num)), '') AS found) WHERE found IS NOT 'bbbb0001';
INSERT INTO sqlgen_guard (expected, found) SELECT 'bbbb0001', coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM "sqlgen_version" ORDER BY version_num)), '');
DROP VIEW `published_books`;
DROP TABLE `book_audit`;
DROP TABLE `books`;
DROP TABLE `authors`;
DELETE FROM `sqlgen_version`
WHERE
  `version_num` = 'bbbb0001';
DROP TABLE `sqlgen_version`;
COMMIT;
