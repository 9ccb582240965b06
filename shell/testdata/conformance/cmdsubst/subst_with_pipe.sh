echo $(echo abc | tr a-c A-C)
