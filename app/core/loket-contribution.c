/* loket-contribution.c: stub being written */
