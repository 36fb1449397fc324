-- sqlgen 0.1.0: upgrade bbbb0002 -> heads (sqlite)
-- Apply with: sqlite3 -bail <database> < <file>

-- Table rebuilds below: foreign key checks off for this session, as SQLite's ALTER TABLE procedure requires.
PRAGMA foreign_keys = OFF;

-- Running upgrade bbbb0002 -> bbbb0003: prices get a default
BEGIN;
DROP VIEW "published_books";
CREATE TABLE `_sqlgen_rebuild_books` (
  `id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  `author_id` integer,
  `title` varchar(100) NOT NULL,
  `status` text NOT NULL CHECK (
    `status` IN ('draft', 'author''s cut', 'published')
  ) DEFAULT 'draft',
  `price` float NOT NULL DEFAULT '0.00',
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
  `version_num` = 'bbbb0003'
WHERE
  `version_num` = 'bbbb0002';
COMMIT;
