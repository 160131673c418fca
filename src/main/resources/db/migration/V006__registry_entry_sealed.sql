-- When the 验证专用章 of a verified entry was printed, in a booklet or on a seal overlay. An entry
-- verified after its booklet was printed has none yet: the seal-overlay job prints those.
ALTER TABLE registration_entry ADD COLUMN sealed_at DATETIME(3) NULL;

-- Booklets printed before this column existed carried the seals of the entries verified by then.
UPDATE registration_entry SET sealed_at = verified_at
WHERE status = 'VERIFIED'
  AND person_id IN (SELECT person_id FROM certificate WHERE printed_at IS NOT NULL AND printed_at >= verified_at);

CREATE INDEX ix_entry_unsealed ON registration_entry (status, sealed_at, person_id);
