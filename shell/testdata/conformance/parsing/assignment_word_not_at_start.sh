echo x=1
