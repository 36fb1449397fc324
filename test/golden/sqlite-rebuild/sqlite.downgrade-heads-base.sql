-- sqlgen 0.1.0: downgrade heads -> base (sqlite)
-- Apply with: sqlite3 -bail <database> < <file>

-- Table rebuilds below: foreign key checks off for this session, as SQLite's ALTER TABLE procedure requires.
PRAGMA foreign_keys = OFF;

-- Running downgrade bbbb0003 -> bbbb0002: prices get a default
BEGIN;
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
BEGIN;
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
BEGIN;
DROP VIEW `published_books`;
DROP TABLE `book_audit`;
DROP TABLE `books`;
DROP TABLE `authors`;
DELETE FROM `sqlgen_version`
WHERE
  `version_num` = 'bbbb0001';
COMMIT;
