-- How a run's documents are printed: full or pre-printed stock, ID numbers masked at the
-- holder's request, and the printer whose calibration offset applies.
ALTER TABLE print_run ADD COLUMN stock VARCHAR(12) NOT NULL DEFAULT 'FULL';
ALTER TABLE print_run ADD COLUMN mask_id_numbers BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE print_run ADD COLUMN printer VARCHAR(40) NULL;
