CREATE TABLE marker ();
