/* loket-nik.c: stub being written */
