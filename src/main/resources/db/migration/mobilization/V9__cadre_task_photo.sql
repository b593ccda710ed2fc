-- The photo a posted cadre may add when marking a task done (docs/mobilization.md): one per task, checked by
-- content (JPEG, PNG or WebP, at most 10 MB) and stored without metadata (no EXIF/GPS). Shown to the community.
ALTER TABLE cadre_task ADD COLUMN done_photo_type VARCHAR(20);
CREATE TABLE cadre_task_photo
(
  task_id      BIGINT                   NOT NULL PRIMARY KEY REFERENCES cadre_task (id) ON DELETE CASCADE,
  content_type VARCHAR(20)              NOT NULL,
  data         BYTEA                    NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
