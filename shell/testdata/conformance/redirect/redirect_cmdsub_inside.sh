echo x > $(echo named)
cat named
