echo (x)
