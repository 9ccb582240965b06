echo	tab	separated
