import { describeRule } from './rule-cases.js';

describeRule('prefer-utf8mb4', {
  mysql: {
    bad: [
      'CREATE TABLE notes (id int PRIMARY KEY, body text) DEFAULT CHARSET=utf8;',
      'CREATE TABLE notes (id int PRIMARY KEY, body text CHARACTER SET utf8mb3);',
      "CREATE TABLE notes (id int PRIMARY KEY, body varchar(100) COLLATE utf8_general_ci);",
      'CREATE TABLE notes (id int PRIMARY KEY) ENGINE=InnoDB DEFAULT CHARACTER SET = utf8 COLLATE = utf8_unicode_ci;',
      'ALTER TABLE notes CONVERT TO CHARACTER SET utf8;',
      'ALTER TABLE notes MODIFY body text CHARACTER SET utf8mb3 COLLATE utf8mb3_bin;',
      'ALTER TABLE notes ADD COLUMN title NVARCHAR(100);',
      'ALTER TABLE notes ADD COLUMN title NATIONAL VARCHAR(100);',
      'CREATE DATABASE app CHARACTER SET utf8;',
      'SET NAMES utf8;',
      "SELECT CONVERT(body USING utf8) FROM notes;",
    ],
    good: [
      'CREATE TABLE notes (id int PRIMARY KEY, body text) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;',
      'ALTER TABLE notes CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;',
      'SET NAMES utf8mb4;',
      "SELECT body FROM notes JOIN tags USING (id) WHERE body = 'utf8';",
      'CREATE TABLE notes (id int PRIMARY KEY, utf8 text, nchar int);',
    ],
  },
});
