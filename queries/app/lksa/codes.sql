-- Labels of the codes the LKSA page shows: accreditation grades, licence statuses and kinds of risk finding.
-- Tables: codes. Params: none.
-- Columns: vocabulary, code, ord, label_id, label_en.
SELECT vocabulary, code, ord, label_id, label_en
FROM codes
WHERE vocabulary IN ('accreditation', 'licence_status', 'lksa_finding')
ORDER BY vocabulary, ord
