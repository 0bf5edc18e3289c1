-- Invariants the database enforces itself, whatever code writes to it.
-- Each raises SQLSTATE P0001 with a message that names the rule.

-- Append-only tables: no UPDATE, no DELETE.
CREATE OR REPLACE FUNCTION fl_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'append-only: % on % is not allowed (%)', TG_OP, TG_TABLE_NAME, TG_ARGV[0]
    USING ERRCODE = 'P0001';
END $$;
--> statement-breakpoint
CREATE TRIGGER pool_entries_append_only BEFORE UPDATE OR DELETE ON pool_entries
  FOR EACH ROW EXECUTE FUNCTION fl_forbid_change('pool entries are never deleted or edited; append a superseding entry');
--> statement-breakpoint
CREATE TRIGGER pool_entries_no_truncate BEFORE TRUNCATE ON pool_entries
  FOR EACH STATEMENT EXECUTE FUNCTION fl_forbid_change('the fine-tune pool is never emptied');
--> statement-breakpoint
CREATE TRIGGER model_versions_immutable BEFORE UPDATE OR DELETE ON model_versions
  FOR EACH ROW EXECUTE FUNCTION fl_forbid_change('model versions are kept for rollback and never changed');
--> statement-breakpoint
CREATE TRIGGER model_versions_no_truncate BEFORE TRUNCATE ON model_versions
  FOR EACH STATEMENT EXECUTE FUNCTION fl_forbid_change('model versions are kept for rollback');
--> statement-breakpoint
CREATE TRIGGER annotation_revisions_immutable BEFORE UPDATE OR DELETE ON annotation_revisions
  FOR EACH ROW EXECUTE FUNCTION fl_forbid_change('revisions are snapshots; add a new revision');
--> statement-breakpoint
CREATE TRIGGER reviews_immutable BEFORE UPDATE OR DELETE ON reviews
  FOR EACH ROW EXECUTE FUNCTION fl_forbid_change('review decisions are history');
--> statement-breakpoint
CREATE TRIGGER dataset_manifests_immutable BEFORE UPDATE OR DELETE ON dataset_manifests
  FOR EACH ROW EXECUTE FUNCTION fl_forbid_change('manifests record exactly what a run used');
--> statement-breakpoint
CREATE TRIGGER manifest_items_immutable BEFORE UPDATE OR DELETE ON manifest_items
  FOR EACH ROW EXECUTE FUNCTION fl_forbid_change('manifests record exactly what a run used');
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION fl_forbid_change('the audit log is append-only');
--> statement-breakpoint
CREATE TRIGGER gate_results_immutable BEFORE UPDATE OR DELETE ON gate_results
  FOR EACH ROW EXECUTE FUNCTION fl_forbid_change('gate reports are frozen per version');
--> statement-breakpoint
CREATE TRIGGER deployments_append_only BEFORE UPDATE OR DELETE ON deployments
  FOR EACH ROW EXECUTE FUNCTION fl_forbid_change('deployment history is kept for rollback');
--> statement-breakpoint

-- A fine-tune's parent is the base model of the same project and generation.
CREATE OR REPLACE FUNCTION fl_check_model_lineage() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE parent model_versions%ROWTYPE;
BEGIN
  IF NEW.kind = 'finetune' THEN
    SELECT * INTO parent FROM model_versions WHERE id = NEW.parent_base_id;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'lineage: parent model % does not exist', NEW.parent_base_id USING ERRCODE = 'P0001';
    END IF;
    IF parent.kind <> 'base' THEN
      RAISE EXCEPTION 'lineage: a fine-tune''s parent must be a base model, not % (%)', parent.name, parent.kind
        USING ERRCODE = 'P0001';
    END IF;
    IF parent.project_id <> NEW.project_id THEN
      RAISE EXCEPTION 'lineage: parent % belongs to another project', parent.name USING ERRCODE = 'P0001';
    END IF;
    IF parent.generation <> NEW.generation THEN
      RAISE EXCEPTION 'lineage: ft_v%.% must descend from base_v%, not %', NEW.generation, NEW.minor, NEW.generation, parent.name
        USING ERRCODE = 'P0001';
    END IF;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER model_versions_lineage BEFORE INSERT ON model_versions
  FOR EACH ROW EXECUTE FUNCTION fl_check_model_lineage();
--> statement-breakpoint

-- Training jobs start from a base model of their own project, never from a fine-tune.
CREATE OR REPLACE FUNCTION fl_check_job_base() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE base model_versions%ROWTYPE;
BEGIN
  IF NEW.base_model_id IS NOT NULL AND (TG_OP = 'INSERT' OR NEW.base_model_id IS DISTINCT FROM OLD.base_model_id) THEN
    SELECT * INTO base FROM model_versions WHERE id = NEW.base_model_id;
    IF base.kind <> 'base' OR base.project_id <> NEW.project_id THEN
      RAISE EXCEPTION 'lineage: training starts from a base model of this project, not % (%)', base.name, base.kind
        USING ERRCODE = 'P0001';
    END IF;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER training_jobs_base BEFORE INSERT OR UPDATE ON training_jobs
  FOR EACH ROW EXECUTE FUNCTION fl_check_job_base();
--> statement-breakpoint

-- Two-person rule: nobody reviews a revision they authored.
CREATE OR REPLACE FUNCTION fl_check_reviewer() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE author integer;
BEGIN
  SELECT author_id INTO author FROM annotation_revisions WHERE id = NEW.revision_id;
  IF author IS NOT NULL AND author = NEW.reviewer_id THEN
    RAISE EXCEPTION 'two-person rule: reviewer % authored revision % and cannot review it', NEW.reviewer_id, NEW.revision_id
      USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER reviews_two_person BEFORE INSERT ON reviews
  FOR EACH ROW EXECUTE FUNCTION fl_check_reviewer();
--> statement-breakpoint

-- Only a revision accepted by someone else enters the pool.
CREATE OR REPLACE FUNCTION fl_check_pool_entry() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r reviews%ROWTYPE;
BEGIN
  SELECT * INTO r FROM reviews WHERE id = NEW.review_id;
  IF r.decision <> 'accept' OR r.revision_id <> NEW.revision_id THEN
    RAISE EXCEPTION 'pool: revision % has no accepting review %', NEW.revision_id, NEW.review_id USING ERRCODE = 'P0001';
  END IF;
  IF EXISTS (SELECT 1 FROM documents d WHERE d.id = NEW.document_id AND d.origin = 'anchor_test') THEN
    RAISE EXCEPTION 'pool: document % is in the frozen held-out test set', NEW.document_id USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER pool_entries_verified BEFORE INSERT ON pool_entries
  FOR EACH ROW EXECUTE FUNCTION fl_check_pool_entry();
--> statement-breakpoint

-- The held-out test set is frozen: its documents never move in or out, and are never deleted.
CREATE OR REPLACE FUNCTION fl_freeze_test_split() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.origin = 'anchor_test' THEN
      RAISE EXCEPTION 'test set is frozen: document % cannot be deleted', OLD.id USING ERRCODE = 'P0001';
    END IF;
    RETURN OLD;
  END IF;
  IF (OLD.origin = 'anchor_test') <> (NEW.origin = 'anchor_test') THEN
    RAISE EXCEPTION 'test set is frozen: document % cannot move in or out of it', OLD.id USING ERRCODE = 'P0001';
  END IF;
  IF OLD.sha256 <> NEW.sha256 OR OLD.project_id <> NEW.project_id THEN
    RAISE EXCEPTION 'documents are content-addressed: image and project never change' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER documents_frozen_test BEFORE UPDATE OR DELETE ON documents
  FOR EACH ROW EXECUTE FUNCTION fl_freeze_test_split();
--> statement-breakpoint

-- The held-out test set never enters a training manifest.
CREATE OR REPLACE FUNCTION fl_check_manifest_item() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM documents d WHERE d.id = NEW.document_id AND d.origin = 'anchor_test') THEN
    RAISE EXCEPTION 'manifest: document % is in the frozen held-out test set', NEW.document_id USING ERRCODE = 'P0001';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM annotation_revisions r WHERE r.id = NEW.revision_id AND r.document_id = NEW.document_id) THEN
    RAISE EXCEPTION 'manifest: revision % is not a revision of document %', NEW.revision_id, NEW.document_id USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER manifest_items_no_test BEFORE INSERT ON manifest_items
  FOR EACH ROW EXECUTE FUNCTION fl_check_manifest_item();
