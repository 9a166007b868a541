# A validation loop with topk and accuracy, under torch.no_grad().
import torch
from torch import nn

torch.manual_seed(3)
model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 5), nn.LogSoftmax(dim=1))
images = torch.randn(20, 8)
labels = torch.randint(0, 5, (20,))
criterion = nn.NLLLoss()

model.eval()
with torch.no_grad():
    log_ps = model(images)
    test_loss = criterion(log_ps, labels)
    ps = torch.exp(log_ps)
    top_p, top_class = ps.topk(1, dim=1)
    print(top_class[:10, :])
    print(top_p.shape, top_class.shape)
    equals = top_class == labels.view(*top_class.shape)
    print(equals.shape)
    accuracy = torch.mean(equals.type(torch.FloatTensor))
print(f'Accuracy: {accuracy.item()*100}%')
print(f"Test Loss: {test_loss:.3f}.. Test Accuracy: {accuracy:.3f}")
model.train()
print(model.training, log_ps.requires_grad)


@torch.no_grad()
def predict(x):
    return model(x).argmax(dim=1)


p = predict(images)
print(p, p.requires_grad)
