/* loket-regions.c: stub being written */
