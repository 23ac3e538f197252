-- Optional Filipino text of a market; the app shows it in Filipino mode and falls back to English.
ALTER TABLE markets ADD COLUMN title_fil text, ADD COLUMN description_fil text;
ALTER TABLE outcomes ADD COLUMN name_fil text;
