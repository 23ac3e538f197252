-- The language a user chose in the app (en or fil); null until they choose. The server answers in it
-- when a request names no language of its own, and renders pushed notifications in it.
ALTER TABLE users ADD COLUMN language text CHECK (language IN ('en', 'fil'));
