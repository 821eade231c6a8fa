/* loket-rates.c: stub being written */
