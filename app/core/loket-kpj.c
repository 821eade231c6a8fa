/* loket-kpj.c: stub being written */
