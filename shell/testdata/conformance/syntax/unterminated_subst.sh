echo $(echo x
