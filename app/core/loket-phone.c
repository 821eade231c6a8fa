/* loket-phone.c: stub being written */
