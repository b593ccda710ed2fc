-- A unit's duty phone (值班电话): where an SMS goes when a case is dispatched to the unit or its time limit is close.
-- Sealed like every phone (PersonalDataCipher, key id inside the value); NULL when the unit has none.
ALTER TABLE unit ADD COLUMN duty_phone_enc VARCHAR(200);
