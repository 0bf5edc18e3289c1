-- A model's class names are the project's, in the same order (lib/classes.ts says the same in app code).
CREATE OR REPLACE FUNCTION fl_check_model_classes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE expected jsonb;
BEGIN
  SELECT classes INTO expected FROM projects WHERE id = NEW.project_id;
  IF expected IS DISTINCT FROM NEW.class_names THEN
    RAISE EXCEPTION 'classes: model % has class names % but the project has %', NEW.name, NEW.class_names, expected
      USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER model_versions_classes BEFORE INSERT ON model_versions
  FOR EACH ROW EXECUTE FUNCTION fl_check_model_classes();
