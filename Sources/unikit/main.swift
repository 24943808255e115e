print("unikit")
