echo `echo x
