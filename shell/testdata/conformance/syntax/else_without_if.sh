else echo x
