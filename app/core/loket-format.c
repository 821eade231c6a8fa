/* loket-format.c: stub being written */
